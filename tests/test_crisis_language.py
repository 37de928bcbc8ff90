"""The crisis-language check, measured on a labelled set of phrases.

Positives are explicit statements of suicidal intent, wishing to be dead, self-harm or being unsafe,
written the way people type them (case, spacing, punctuation, slang, misspellings). Negatives are
ordinary talk about rejection, including the hyperbole people use about it ("this rejection is
killing me"), which must not pop up crisis resources every other sentence.

The check is a prompt to show help, not a risk assessment: the test reports recall and the
false-positive rate, and holds them at recall >= 0.95 and false positives <= 0.05.
"""

from __future__ import annotations

import pytest

from workshop.safety import mentions_crisis

POSITIVE = [
    "I cut myself last night",
    "i burned myself with a lighter again",
    "Nobody would miss me if I was gone",
    "no one would care if i died",
    "Suicide has been on my mind lately",
    "I want to kill myself",
    "i want to kill my self",
    "I WANT TO DIE",
    "i just want to die.",
    "I wanna die",
    "i want 2 die",
    "Honestly I want to be dead",
    "I wish I was dead",
    "i wish i were dead",
    "Sometimes I wish I had never been born",
    "I wish I could go to sleep and never wake up",
    "I hope I don't wake up tomorrow",
    "I'm thinking about suicide",
    "i have been thinking about suicide a lot",
    "I feel suicidal",
    "feeling suicidal again tonight",
    "Im suicidal",
    "i'm so suicidle right now",
    "I've been having suicidal thoughts since the breakup",
    "i keep thinking about sucide",
    "thinking of commiting suicide",
    "I am going to kill myself",
    "im gonna kms",
    "kms",
    "I'm going to end my life",
    "I want to end my life",
    "I want to end it all",
    "I'm thinking about ending my life",
    "I want to take my own life",
    "I have a plan to end it",
    "I've decided to end it tonight",
    "Everyone would be better off without me",
    "my family would be better off if I was gone",
    "I'd be better off dead",
    "I don't want to be alive anymore",
    "i dont want to live anymore",
    "I don't want to exist anymore",
    "I don't want to be here anymore",
    "There's no reason to live",
    "I have nothing left to live for",
    "life isn't worth living",
    "what's the point of living",
    "I can't go on living like this",
    "I want to hurt myself",
    "i want to hurt myslef",
    "I've been hurting myself again",
    "I keep cutting myself",
    "I cut myself last night on purpose",
    "I started self harming again",
    "I've been self-harming",
    "the urge to self harm is back",
    "I burned myself on purpose",
    "I want to overdose",
    "I've been saving up pills",
    "I'm not safe right now",
    "I don't feel safe with myself tonight",
    "I can't keep myself safe",
    "i dont trust myself not to do something tonight",
    "I deserve to die",
    "I should just die",
    "k i l l myself",
    "kill    myself",
    "killmyself",
    "I want to unalive myself",
    "i want to die!!!!",
    "I wrote a suicide note",
    "I'm going to jump off a bridge tonight",
    "I want to disappear forever and never come back, I want to die",
    "I'm done with life",
    "I tried to kill myself last year and I feel like that again",
    "i want to kil myself",
    "I want to end things, I don't want to live",
]

NEGATIVE = [
    "I cut myself on a piece of paper at work",
    "I burned myself on the oven door",
    "Nobody would miss me at the party if I left early",
    "We talked about suicide prevention in my psychology class",
    "This rejection is killing me",
    "I died of embarrassment",
    "I almost died of embarrassment when she didn't text back",
    "I wanted to die of shame when they laughed",
    "I could have died when I saw the message",
    "The silence is killing me",
    "My phone died right after I sent the text",
    "I'm dying to know what she thought",
    "I killed it at the interview but still didn't get the job",
    "I nearly died laughing at his reply",
    "I'm dead tired after that date",
    "That joke was so bad I'm dead",
    "I felt like I was going to die when they said no",
    "I thought I'd die of embarrassment",
    "It kills me that he never called back",
    "I'm not suicidal, just really sad",
    "I have never been suicidal",
    "I would never hurt myself",
    "I hurt myself at the gym yesterday",
    "I cut myself shaving this morning",
    "I cut myself off from my friends after the breakup",
    "I've been cutting people out of my life",
    "I've been cutting back on social media",
    "I burned myself cooking dinner",
    "I don't feel safe sharing my feelings in groups",
    "It doesn't feel safe to open up to people",
    "I'm safe, just upset",
    "I feel safe here",
    "It's safe to say I was hurt",
    "Playing it safe means I never ask anyone out",
    "I want to end things with my boyfriend",
    "I'm thinking about ending it with her",
    "I want to end the relationship",
    "I'm done with dating",
    "I'm done with dating apps for a while",
    "I give up on finding a partner",
    "I'm sick of being rejected",
    "I feel worthless when people ignore me",
    "I feel like nobody likes me",
    "I hate myself for sending that text",
    "I feel so stupid",
    "My heart is broken",
    "I cried all night",
    "I can't stop thinking about what she said",
    "I keep replaying the conversation in my head",
    "I'm scared to try again",
    "It hurts so much",
    "I feel like a failure",
    "I wanted the ground to swallow me up",
    "I wanted to disappear when nobody came to my party",
    "I felt invisible at the meeting",
    "My friend died by suicide two years ago and rejection brings it back",
    "We talked about suicide prevention at work",
    "The 988 line is for anyone in crisis",
    "I read an article about self-harm in teens",
    "My sister used to self harm and I worry about her",
    "I'm not going to die from one bad date",
    "Nobody dies from being told no",
    "I'll die alone at this rate, haha",
    "I'm going to die alone with my cats",
    "I'm afraid I'll die alone",
    "Kill me now, I have to see him at work tomorrow lol",
    "I could kill him for ghosting me",
    "I almost killed myself laughing at the meme",
    "I'm worried I'll mess up the presentation",
    "I want to try again next week",
    "I want to live a life where rejection doesn't run it",
    "I want to live more boldly",
    "I'm learning to live with uncertainty",
    "I want to be alive to my own feelings",
    "Life is hard right now, but I'm getting through it",
    "What's the point of texting him again?",
    "There's no point in applying to that job",
    "I have no reason to trust her",
    "I feel dead inside after the rejection",
    "My social life is dead",
    "The conversation died after I said hi",
    "The group chat went dead when I posted",
    "I'm over it",
    "I want to hide under the covers all day",
    "I wish I had never sent that message",
    "I wish I were more confident",
    "I wish I was braver",
    "I wish I could take it back",
    "I wish I had never met him",
    "I don't want to be here at this party anymore",
    "I don't want to go to work anymore after that",
    "I don't want to date anymore",
    "I'm not safe from gossip at my office",
    "I'm overdosing on sad songs",
    "I'm going to jump at the next opportunity",
    "I jumped at the chance to ask her out",
    "I hung up on him",
    "I'm hanging out with friends tonight",
    "I'm so tired of trying",
    "I'm exhausted",
    "I feel hopeless about dating",
    "Everyone would be better off with a clear plan",
    "They're better off without each other",
    "I'm better off without him",
    "I'd be better off staying home",
    "I'm better off single",
    "I am killing time until the meeting",
    "Self-compassion is hard for me",
    "I want to be kinder to myself",
    "I want to stop beating myself up",
    "I punish myself with negative thoughts",
    "I am my own worst critic",
    "I took a break from my life for a weekend",
    "I took my time replying",
    "I need to take care of myself",
    "The rejection letter said they had many strong applicants",
    "I ended the call quickly",
    "I ended my subscription to the dating site",
    "My plan is to ask one person a week",
    "I have a plan for next time",
    "I got ghosted and it stings",
    "I feel like I'm drowning in emails",
    "My stomach dropped when I read it",
    "Being left out at lunch hurt",
    "I'm terrified of being rejected again",
    "I'm scared nobody will ever love me",
    "I'm anxious all the time",
    "I'm not sure it's safe to ask for a raise",
    "I hurt her feelings and I feel bad",
    "That comment really cut me",
    "Her words cut deep",
    "I'm sick of myself",
    "I can't do this dating thing anymore",
    "I want to die my hair purple after this",
    "I suck at small talk",
    "I dyed my hair after the breakup",
    "I'm going to kill this presentation",
    "killing it at work lately",
    "I'm so over being rejected",
    "my self esteem is at rock bottom",
    "I feel rejected by my whole family",
    "I keep texting him even though it hurts me",
    "I don't want to live in this city anymore",
    "I don't want to live with my roommate anymore",
]


@pytest.fixture(scope="module")
def rates() -> tuple[float, float, list[str], list[str]]:
    missed = [p for p in POSITIVE if not mentions_crisis(p)]
    false_alarms = [n for n in NEGATIVE if mentions_crisis(n)]
    recall = 1 - len(missed) / len(POSITIVE)
    false_positive_rate = len(false_alarms) / len(NEGATIVE)
    print(
        f"\ncrisis-language check: {len(POSITIVE)} positives, {len(NEGATIVE)} negatives; "
        f"recall {recall:.3f}, false-positive rate {false_positive_rate:.3f}"
    )
    for phrase in missed:
        print(f"  missed: {phrase!r}")
    for phrase in false_alarms:
        print(f"  false alarm: {phrase!r}")
    return recall, false_positive_rate, missed, false_alarms


def test_the_labelled_set_is_big_enough_and_has_no_overlap() -> None:
    assert len(POSITIVE) >= 60
    assert len(NEGATIVE) >= 120
    assert not {p.lower() for p in POSITIVE} & {n.lower() for n in NEGATIVE}
    assert len(set(POSITIVE)) == len(POSITIVE)
    assert len(set(NEGATIVE)) == len(NEGATIVE)


def test_recall_is_at_least_095(rates) -> None:
    recall, _, missed, _ = rates
    assert recall >= 0.95, f"missed: {missed}"


def test_false_positive_rate_is_at_most_005(rates) -> None:
    _, false_positive_rate, _, false_alarms = rates
    assert false_positive_rate <= 0.05, f"false alarms: {false_alarms}"


@pytest.mark.parametrize(
    "text",
    ["I want to kill myself", "I WANT TO KILL MYSELF", "i want to kill. myself", "i  want to  kil  myself"],
)
def test_case_spacing_punctuation_and_misspelling_do_not_hide_it(text: str) -> None:
    assert mentions_crisis(text)


@pytest.mark.parametrize("text", ["", "   ", "\n", "ok"])
def test_empty_or_trivial_text_is_not_crisis_language(text: str) -> None:
    assert not mentions_crisis(text)


def test_long_text_with_one_crisis_sentence_is_found() -> None:
    ordinary = "I went to the party and nobody talked to me. I felt awkward and went home early. " * 30
    assert mentions_crisis(ordinary + "Honestly, I don't want to be alive anymore. " + ordinary)
    assert not mentions_crisis(ordinary)
