"""The C API's enumerations as Python IntEnums (values equal the KX_* constants,
which equal the C++ enumerators)."""

import enum


class OrgKind(enum.IntEnum):
    NATIONAL = 0; COMMITTEE = 1; LOCAL = 2; SOCIETY = 3; ENTERPRISE = 4; BRANCH = 5
    STUDY_GROUP = 6; PROXY = 7; PARTNER = 8


class Level(enum.IntEnum):
    NONE = 0; PROVINCIAL = 1; SUB_PROVINCIAL = 2; PREFECTURE = 3; COUNTY = 4


class Ownership(enum.IntEnum):
    UNSPECIFIED = 0; STATE = 1; PRIVATE = 2; FOREIGN = 3; MIXED = 4


class Title(enum.IntEnum):
    NONE = 0; JUNIOR = 1; INTERMEDIATE = 2; ASSOCIATE_SENIOR = 3; SENIOR = 4


class Role(enum.IntEnum):
    MEMBER = 0; CHAIR = 1; VICE_CHAIR = 2; SECRETARY_GENERAL = 3; FULL_TIME_STAFF = 4
    PART_TIME_STAFF = 5


class State(enum.IntEnum):
    DRAFT = 0; SUBMITTED = 1; WITHDRAWN = 2; REJECTED = 3; APPROVED = 4; IN_PROGRESS = 5
    SUSPENDED = 6; TERMINATED = 7; COMPLETED = 8; UNDER_EVALUATION = 9; EVALUATED = 10
    COMMENDED = 11; ARCHIVED = 12


class Operation(enum.IntEnum):
    SUBMIT = 0; WITHDRAW = 1; APPROVE = 2; REJECT = 3; START = 4; SUSPEND = 5; RESUME = 6
    TERMINATE = 7; COMPLETE = 8; OPEN_EVALUATION = 9; CONCLUDE = 10; COMMEND = 11
    ARCHIVE = 12; REPORT_PROGRESS = 13; CREATE = 14


class Grade(enum.IntEnum):
    EXCELLENT = 0; GOOD = 1; PASS = 2; FAIL = 3


class ActivityType(enum.IntEnum):
    ACADEMIC_EXCHANGE = 0; FORWARD_RESEARCH = 1; TECHNICAL_CONSULTING = 2
    TECHNICAL_SERVICE = 3; TECHNICAL_DEVELOPMENT = 4; TECHNICAL_TRANSFER = 5
    KEY_TECHNOLOGY = 6; CONTINUING_EDUCATION = 7; INNOVATION_METHOD_TRAINING = 8
    MASS_INNOVATION = 9; SCIENCE_POPULARIZATION = 10; ASSESSMENT_ADVICE = 11
    JIANGBI_CAMPAIGN = 12; FACTORY_SOCIETY = 13; GOLDEN_BRIDGE = 14
    SECRETARY_GENERAL_TRAINING = 15


class AuditFault(enum.IntEnum):
    NONE = 0; EDITED = 1; OUT_OF_ORDER = 2; BROKEN_LINK = 3; TRUNCATED = 4; HEAD_MISMATCH = 5


class Category(enum.IntEnum):
    PROFESSIONAL_SKILLS = 0; SCIENTIFIC_LITERACY = 1; INNOVATIVE_IDEAS = 2
    RATIONALIZATION_PROPOSALS = 3; TECHNICAL_PATENTS = 4; ACHIEVEMENT_TRANSFORMATION = 5


class Focus(enum.IntFlag):
    ENERGY_SAVING = 1; CONSUMPTION_REDUCTION = 2; EMISSION_REDUCTION = 4; EFFICIENCY_GAIN = 8


class IndicatorKind(enum.IntEnum):
    GROUP = 0; JUDGED = 1; OBJECTIVE = 2; BONUS = 3; VETO = 4


class Figure(enum.IntEnum):
    ANNUAL_BENEFIT_YUAN = 0; ENERGY_SAVED_TCE = 1; CO2_AVOIDED_T = 2; MATERIAL_SAVED_T = 3
    EFFICIENCY_GAIN_PERCENT = 4; HOURS_SAVED = 5; PATENTS_GRANTED_INVENTION = 6
    PATENTS_GRANTED_OTHER = 7; PATENTS_FILED = 8; ACHIEVEMENTS_TRANSFORMED = 9


class AggregationMethod(enum.IntEnum):
    MEAN = 0; MEDIAN = 1; TRIMMED_MEAN = 2


class Rounding(enum.IntEnum):
    HALF_EVEN = 0; HALF_UP = 1; HALF_DOWN = 2; DOWN = 3; UP = 4; FLOOR = 5; CEILING = 6


class BoundaryTies(enum.IntEnum):
    BREAK_BY_CHAIN = 0; INCLUDE_ALL = 1; EXCLUDE_ALL = 2


class EntryStatus(enum.IntEnum):
    RANKED = 0; INCOMPLETE = 1; VETOED = 2


class PatentType(enum.IntEnum):
    INVENTION = 0; UTILITY_MODEL = 1; DESIGN = 2


class PatentStatus(enum.IntEnum):
    FILED = 0; GRANTED = 1


class Language(enum.IntEnum):
    CHINESE = 0; ENGLISH = 1


class Carrier(enum.IntEnum):
    RAW_COAL = 0; WASHED_COAL = 1; COKE = 2; CRUDE_OIL = 3; FUEL_OIL = 4; GASOLINE = 5
    KEROSENE = 6; DIESEL = 7; LPG = 8; REFINERY_DRY_GAS = 9; NATURAL_GAS = 10; HEAT = 11
    ELECTRICITY_EQUIVALENT = 12; ELECTRICITY_EQUAL = 13; STEAM = 14


class Unit(enum.IntEnum):
    KG = 0; T = 1; TEN_THOUSAND_T = 2; M3 = 3; TEN_THOUSAND_M3 = 4; KWH = 5
    TEN_THOUSAND_KWH = 6; MWH = 7; GWH = 8; KJ = 9; MJ = 10; GJ = 11


class CoalUnit(enum.IntEnum):
    KGCE = 0; TCE = 1


class GridMethod(enum.IntEnum):
    LOCATION_AVERAGE = 0; EXCLUDING_MARKET_NON_FOSSIL = 1; FOSSIL_ONLY = 2


class AhpMethod(enum.IntEnum):
    EIGENVECTOR = 0; GEOMETRIC_MEAN = 1; COLUMN_MEAN = 2


class RandomIndexTable(enum.IntEnum):
    SAATY = 0; DONEGAN_DODD = 1; TUMMALA_LING = 2


class Criterion(enum.IntEnum):
    BENEFIT = 0; COST = 1


class EntropyNormalization(enum.IntEnum):
    MIN_MAX = 0; PROPORTION = 1


class MissingMarks(enum.IntEnum):
    REFUSE = 0; DROP_ENTRIES = 1; DROP_JUDGES = 2
