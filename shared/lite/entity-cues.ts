/**
 * Word lists written for Loupe's capitalisation heuristics (v0 entities, until the trained
 * tagger lands). Lower-cased; multi-word entries are matched token by token.
 */
const words = (list: string): ReadonlySet<string> => new Set(list.split('|'));

/** Titles before a name: stripped from the entity, and they make it a person. */
export const HONORIFICS = words(
  'mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|prof|prof.|sir|dame|lord|lady|president|vice|mayor|senator|sen.|' +
    'governor|gov.|minister|prime|secretary|judge|justice|chief|councillor|councilor|councilwoman|' +
    'councilman|commissioner|rev.|reverend|gen.|general|captain|capt.|sheriff|chancellor|king|queen|' +
    'prince|princess|pope|professor|director|chairman|chairwoman|chair|inspector|detective|officer|' +
    'representative|rep.|deputy|coach|ambassador|archbishop|bishop|father|sister|brother|saint|st.|' +
    // Titles of office-holders to be, and hyphenated ones ("President-elect Trump").
    'president-elect|vice-president|governor-elect|mayor-elect|senator-elect|chancellor-elect|premier-elect|ex-president',
);

/**
 * Titles that also open names of other kinds ("General Motors", "Saint Louis", "Prince Edward
 * Island"): the tagger's spans lose them only when the name is a person.
 */
export const AMBIGUOUS_TITLES = words(
  'general|chief|director|officer|chair|father|sister|brother|saint|st.|king|queen|prince|princess|' +
    'pope|deputy|vice|prime|justice|lord|lady|judge|captain|coach|secretary|minister',
);

/**
 * Words of page furniture — buttons, links, labels, credits — that are never names on their
 * own, however they are capitalised ("GET", "Complete", "Photo", "Post Comment").
 */
export const INTERFACE_WORDS = words(
  'get|complete|completed|credit|credits|photo|photos|photograph|image|images|picture|video|videos|' +
    'post|posts|comment|comments|reply|replies|share|shares|tweet|like|likes|follow|subscribe|' +
    'unsubscribe|login|log|logout|sign|register|menu|search|home|next|previous|prev|back|more|' +
    'read|click|submit|send|cancel|close|save|saved|edit|delete|download|upload|print|email|e-mail|' +
    'caption|advertisement|ad|ads|sponsored|related|trending|watch|listen|play|pause|skip|continue|' +
    'loading|accept|decline|cookies|privacy|terms|contact|about|faq|help|settings|account|profile|' +
    'cart|checkout|buy|shop|add|remove|view|show|hide|open|toggle|copy|link|links|source|update|' +
    'updated|published|posted|min|mins|advertise|newsletter|sharing|rss|feed|top|up|down|' +
    'yes|no|ok|okay|done|start|stop|new|latest|popular|featured|join|now|free|here|all|less|' +
    'see|also|tags|tag|category|categories|archive|archives|page|pages|step|steps|note|notes|' +
    'courtesy|file|thumbnail|gallery|slideshow|' +
    'enlarge|expand|collapse|zoom|full|screen|fullscreen|embed|permalink|report|flag|vote|rate',
);

/**
 * Common nouns written in capitals — file formats, computer parts, protocols — that name no
 * person, organisation or place on their own ("a PDF", "the CPU"), though they may sit inside
 * a name ("Reuters TV").
 */
export const TECHNICAL_TERMS = words(
  'pdf|cpu|cpus|gpu|gpus|html|css|url|urls|api|apis|usb|ram|rom|json|xml|http|https|ssd|hdd|lcd|led|leds|' +
    'gps|wifi|wi-fi|ui|ux|faq|faqs|diy|pc|pcs|os|ip|dns|ssl|tls|sdk|ide|cli|gui|vpn|sql|tv|dvd|dvds|cd|cds|' +
    'mp3|mp4|jpeg|jpg|png|gif|svg|csv|pdfs|rss|sms|qr|ocr|iot|doctype|ai|dna|rna|' +
    // Chat shorthand ("IMO, a bad move").
    'imho|tbh|fwiw|afaik|iirc|btw|' +
    // Labels of reference identifiers ("ISBN 978-…", "PMID 1234", "doi:…").
    'isbn|issn|doi|pmid|pmc|oclc|arxiv|bibcode|lccn|s2cid|hdl|orcid',
);

/** Degrees and credentials written after a person's name and a comma ("Eric Biondi, MD"). */
export const CREDENTIALS = words(
  'md|m.d.|phd|ph.d.|rn|r.n.|dds|dmd|dvm|mph|mba|esq|esq.|cpa|facp|facs|frcp|frcs|msc|bsc|jd|j.d.|' + 'np|lpn|lcsw|psyd|edd|mfa|llm|ll.m.',
);

/** A last word that makes a name an organisation. */
export const ORG_SUFFIXES = words(
  'inc|inc.|corp|corp.|corporation|ltd|ltd.|llc|plc|co.|company|group|holdings|partners|bank|' +
    'university|college|institute|academy|school|hospital|clinic|ministry|department|agency|' +
    'authority|party|council|committee|commission|board|bureau|office|association|foundation|' +
    'union|federation|league|club|court|police|army|navy|senate|parliament|assembly|congress|' +
    'trust|society|fund|times|post|news|press|gazette|herald|tribune|journal|network|media|' +
    'labs|systems|technologies|energy|airlines|motors|industries|services|alliance|coalition|' +
    'organization|organisation|initiative|centre|center|museum|library|church|team|fc',
);

/** A first word that, followed by "of", makes a name an organisation ("University of X"). */
export const ORG_HEADS = words(
  'university|ministry|department|bank|council|board|office|institute|bureau|commission|' +
    'college|school|academy|court|church|museum|society|federation|league|union|house|state',
);

/** A last word that makes a name a place. */
export const LOC_SUFFIXES = words(
  'street|st|avenue|ave|road|rd|boulevard|lane|drive|way|square|bridge|river|lake|bay|harbor|' +
    'harbour|port|island|islands|isles|county|province|state|valley|mountain|mountains|hills|hill|' +
    'park|coast|sea|ocean|beach|peninsula|gulf|strait|canyon|desert|forest|district|city|town|' +
    'village|heights|springs|falls|point|creek|cape|hall|pier|quay|wharf|airport|station',
);

/** Words just before a name that suggest a place ("in Lisbon", "near Harbor Point"). */
export const LOC_CUES = words('in|near|across|outside|inside|throughout|around|towards|toward');

/** Words just before a name, with the one before them, that suggest a place ("city of X"). */
export const LOC_PHRASE_HEADS = words('city|town|village|state|region|province|capital|county|island|republic|kingdom');

/** Verbs of speech right after a name: the name is a person. */
export const SPEECH_VERBS = words(
  'said|says|told|added|argued|wrote|explained|asked|replied|insisted|noted|recalled|warned|' +
    'claimed|admitted|announced|stated|testified|tweeted|posted|smiled|laughed',
);

/** Lower-case joiners allowed inside a name ("Bank of England", "Ludwig van Beethoven"). */
export const NAME_CONNECTORS = words('of|de|del|della|da|di|du|des|la|le|van|von|der|den|the|&|al|bin|y');

/** A short list of countries, continents and world cities, all places. */
export const KNOWN_PLACES = words(
  'africa|asia|europe|america|north america|south america|latin america|antarctica|australia|' +
    'oceania|the middle east|middle east|the arctic|arctic|the pacific|pacific|the atlantic|' +
    'atlantic|united states|u.s.|us|usa|u.s.a.|united kingdom|u.k.|uk|britain|great britain|' +
    'england|scotland|wales|ireland|northern ireland|france|germany|spain|portugal|italy|greece|' +
    'netherlands|belgium|switzerland|austria|poland|ukraine|russia|sweden|norway|denmark|finland|' +
    'iceland|turkey|egypt|nigeria|kenya|ethiopia|ghana|south africa|morocco|algeria|israel|iran|' +
    'iraq|syria|jordan|lebanon|saudi arabia|india|pakistan|bangladesh|china|japan|korea|' +
    'south korea|north korea|taiwan|vietnam|thailand|indonesia|philippines|malaysia|singapore|' +
    'canada|mexico|brazil|argentina|chile|peru|colombia|venezuela|cuba|new zealand|london|paris|' +
    'berlin|madrid|lisbon|rome|athens|brussels|amsterdam|vienna|warsaw|kyiv|moscow|istanbul|' +
    'cairo|lagos|nairobi|delhi|new delhi|mumbai|beijing|shanghai|tokyo|seoul|sydney|melbourne|' +
    'toronto|vancouver|new york|los angeles|chicago|washington|boston|san francisco|mexico city|' +
    'geneva|dublin|edinburgh|oslo|stockholm|copenhagen|helsinki|prague|budapest|jakarta|manila',
);

/** Capitalised words that open sentences but are never names on their own. */
export const COMMON_OPENERS = words(
  'however|meanwhile|yesterday|today|tomorrow|still|yet|instead|officials|residents|critics|' +
    'supporters|experts|according|although|though|because|since|despite|after|before|during|' +
    'under|last|next|several|many|most|some|few|each|every|both|other|another|such|here|there|' +
    'please|first|second|finally|also|later|earlier|once|perhaps|maybe|indeed|overall|mix|add|' +
    "stir|bake|cook|place|remove|serve|let|make|use|keep|do|don't|never|always|no|yes|why|what",
);

/** Month and weekday names: dates belong to the pattern finder, not to names. */
export const CALENDAR_WORDS = words(
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan.|feb.|mar.|apr.|jun.|jul.|' +
    'aug.|sep.|sept.|oct.|nov.|dec.',
);
