"""The safety layer's core: crisis resources, the crisis-language check, distress ratings, flags.

Nothing here draws a widget (``widgets/crisis.py`` and ``widgets/checkin.py`` do); everything here is a
plain function a test can call. One module per concern:

``resources``
    Who to reach: the checked US defaults, a clinic's own file (validated strictly), per-category
    resources (the domestic violence hotline for danger from others), and the HTML and text shown.
``language``
    ``check_crisis_language(text)``: whether free text suggests the writer may be at risk, the category
    and the words that matched (concept rules, then a small trained concept model). A backstop that
    shows help, not a screening tool or a risk assessment.
``checkin``
    When a distress rating calls for grounding, a pause and the resources.
``flags``
    What the pages record for a facilitator to follow up, and how a flag is described.
``commands``
    ``workshop safety check``, ``workshop safety print-default`` and ``workshop flags``.

The names used elsewhere are re-exported here: ``from workshop.safety import resources_html``.
"""

from __future__ import annotations

from workshop.safety.checkin import GROUNDING_RISE as GROUNDING_RISE
from workshop.safety.checkin import GROUNDING_THRESHOLD as GROUNDING_THRESHOLD
from workshop.safety.checkin import grounding_reasons as grounding_reasons
from workshop.safety.checkin import needs_grounding as needs_grounding
from workshop.safety.commands import add_commands as add_commands
from workshop.safety.flags import FLAG_CRISIS_LANGUAGE as FLAG_CRISIS_LANGUAGE
from workshop.safety.flags import FLAG_DISTRESS as FLAG_DISTRESS
from workshop.safety.flags import FlagStore as FlagStore
from workshop.safety.flags import crisis_flag_details as crisis_flag_details
from workshop.safety.flags import crisis_in_answer as crisis_in_answer
from workshop.safety.flags import describe_flag_details as describe_flag_details
from workshop.safety.flags import format_flags as format_flags
from workshop.safety.flags import parse_since as parse_since
from workshop.safety.flags import record_crisis_language as record_crisis_language
from workshop.safety.flags import record_distress as record_distress
from workshop.safety.flags import who_sees_flags as who_sees_flags
from workshop.safety.language import CATEGORIES as CATEGORIES
from workshop.safety.language import DANGER_FROM_OTHERS as DANGER_FROM_OTHERS
from workshop.safety.language import CrisisCheck as CrisisCheck
from workshop.safety.language import CrisisMatch as CrisisMatch
from workshop.safety.language import check_crisis_language as check_crisis_language
from workshop.safety.language import mentions_crisis as mentions_crisis
from workshop.safety.language import normalize_for_check as normalize_for_check
from workshop.safety.resources import CONFIG_ENV as CONFIG_ENV
from workshop.safety.resources import CONFIG_FILE_NAME as CONFIG_FILE_NAME
from workshop.safety.resources import DEFAULT_INTRO as DEFAULT_INTRO
from workshop.safety.resources import CategorySettings as CategorySettings
from workshop.safety.resources import CrisisResources as CrisisResources
from workshop.safety.resources import Resource as Resource
from workshop.safety.resources import config_path as config_path
from workshop.safety.resources import default_config_text as default_config_text
from workshop.safety.resources import load_resources as load_resources
from workshop.safety.resources import parse_resources as parse_resources
from workshop.safety.resources import resources_html as resources_html
from workshop.safety.resources import resources_text as resources_text
