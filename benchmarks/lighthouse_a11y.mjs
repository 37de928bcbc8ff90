// Lighthouse's accessibility score for workshop pages at phone size, in snapshot mode: each page is opened
// in Debian's Chromium (390 x 844, touch, mobile), left to render its widgets, and then audited as it is.
// Run through benchmarks/lighthouse_a11y.py, which starts `workshop serve` and passes the pages as JSON:
//   node lighthouse_a11y.mjs '[{"name": "start page", "url": "http://127.0.0.1:PORT/..."}]'
// Needs `npm install lighthouse` in a folder beside which a copy of this script runs (the .py does that). Every request
// that would leave 127.0.0.1 fails the run; Chromium's resolver cannot reach any other host anyway.
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const VIEWPORT = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const pages = JSON.parse(process.argv[2]);

const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ],
});
const outside = [];
const results = [];
try {
  for (const { name, url } of pages) {
    const page = await browser.newPage();
    page.on("request", (request) => {
      const target = new URL(request.url());
      if (!["data:", "blob:", "about:"].includes(target.protocol) && target.hostname !== "127.0.0.1") {
        outside.push(request.url());
      }
    });
    await page.setViewport(VIEWPORT);
    await page.goto(url, { waitUntil: "load", timeout: 120000 });
    await page.waitForSelector("#loading", { hidden: true, timeout: 120000 });
    await page.waitForFunction(() => document.querySelectorAll(".jupyter-widgets").length > 0, { timeout: 120000 });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // widgets render from the kernel's state
    const flow = await startFlow(page, {
      config: {
        extends: "lighthouse:default",
        settings: {
          onlyCategories: ["accessibility"],
          formFactor: "mobile",
          screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 3, disabled: false },
        },
      },
    });
    await flow.snapshot({ name });
    const lhr = (await flow.createFlowResult()).steps[0].lhr;
    const category = lhr.categories.accessibility;
    const failing = category.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => ({
        id: audit.id,
        title: audit.title,
        items: (audit.details?.items || []).slice(0, 5).map((item) => item.node?.snippet || item.node?.selector || ""),
      }));
    results.push({ name, url: url.replace(/([?&]p=)[^&]+/, "$1CODE"), score: Math.round(category.score * 100), failing });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ results, outside }, null, 2));
process.exit(outside.length ? 1 : 0);
