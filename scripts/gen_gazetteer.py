#!/usr/bin/env python3
"""Regenerate rules/gazetteer.toml from ISO 3166 (pycountry) plus the hand-written
variants, demonyms, capitals and regions below. Run: python3 scripts/gen_gazetteer.py
(needs `pip install pycountry`; the generated TOML is what the binary embeds)."""
import gettext
import sys

import pycountry

FR = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])

# id -> extra names (any language), written as used in prose.
NAMES = {
    "BLR": ["Biélorussie", "Bélarus", "Belarus", "Bélarussie", "Byelorussia", "République du Bélarus", "République de Biélorussie"],
    "RUS": ["Russie", "Fédération de Russie", "Russia", "Russian Federation"],
    "USA": ["États-Unis", "Etats-Unis", "États-Unis d'Amérique", "USA", "United States", "US", "U.S."],
    "GBR": ["Royaume-Uni", "Grande-Bretagne", "UK", "Britain", "Great Britain", "United Kingdom"],
    "CHN": ["Chine", "République populaire de Chine", "RPC", "China", "PRC", "Empire du Milieu", "Empire céleste"],
    "IRN": ["Iran"], "SYR": ["Syrie", "Syria"], "KOR": ["Corée du Sud", "South Korea"],
    "PRK": ["Corée du Nord", "North Korea"], "MDA": ["Moldavie", "Moldova"],
    "VEN": ["Venezuela", "Vénézuela"], "BOL": ["Bolivie", "Bolivia"], "TZA": ["Tanzanie", "Tanzania"],
    "LAO": ["Laos"], "VNM": ["Vietnam", "Viêt Nam", "Viet Nam"], "TWN": ["Taïwan", "Taiwan"],
    "COD": ["RDC", "République démocratique du Congo", "DR Congo"], "COG": ["Congo-Brazzaville"],
    "CZE": ["République tchèque", "Tchéquie", "Czech Republic", "Czechia"],
    "TUR": ["Turquie", "Turkey", "Türkiye"], "KGZ": ["Kirghizistan", "Kirghizie", "Kyrgyzstan", "Kyrgyz Republic"],
    "ARE": ["Émirats arabes unis", "EAU", "UAE", "United Arab Emirates", "Emirates"],
    "NLD": ["Pays-Bas", "Netherlands", "Holland", "Hollande"], "DEU": ["Allemagne", "Germany"],
    "MKD": ["Macédoine du Nord", "North Macedonia"], "PSE": ["Palestine"], "VAT": ["Vatican"],
    "FSM": ["Micronésie"], "BRN": ["Brunei"], "CPV": ["Cap-Vert", "Cape Verde"],
    "SWZ": ["Eswatini", "Swaziland"], "MMR": ["Myanmar", "Birmanie", "Burma"],
    "UZB": ["Ouzbékistan", "Uzbekistan"], "KAZ": ["Kazakhstan"], "TJK": ["Tadjikistan", "Tajikistan"],
    "TKM": ["Turkménistan", "Turkmenistan"], "AZE": ["Azerbaïdjan", "Azerbaijan"], "ARM": ["Arménie", "Armenia"],
    "GEO": ["Géorgie", "Georgia"], "UKR": ["Ukraine"], "POL": ["Pologne", "Poland"],
    "LTU": ["Lituanie", "Lithuania"], "LVA": ["Lettonie", "Latvia"], "EST": ["Estonie", "Estonia"],
    "IND": ["Inde", "India"], "EGY": ["Égypte", "Egypte", "Egypt"], "SGP": ["Singapour", "Singapore"],
    "MNG": ["Mongolie", "Mongolia"], "BRA": ["Brésil", "Brazil"], "FRA": ["France"],
    "ITA": ["Italie", "Italy"], "ESP": ["Espagne", "Spain"], "JPN": ["Japon", "Japan"],
    "IDN": ["Indonésie", "Indonesia"], "PAK": ["Pakistan"], "AFG": ["Afghanistan"],
    "SRB": ["Serbie", "Serbia"], "CUB": ["Cuba"], "NGA": ["Nigeria", "Nigéria"], "ZAF": ["Afrique du Sud", "South Africa"],
}

# id -> (French demonym forms "masc/fem", English demonym)
DEMONYMS = {
    "BLR": (["biélorusse", "bélarusse", "bélarussien/bélarussienne", "biélorussien/biélorussienne"], ["Belarusian", "Belarussian", "Byelorussian"]),
    "RUS": (["russe"], ["Russian"]), "CHN": (["chinois/chinoise"], ["Chinese"]),
    "UZB": (["ouzbek/ouzbèke", "ouzbèk/ouzbèke"], ["Uzbek"]), "KAZ": (["kazakh/kazakhe", "kazakhstanais/kazakhstanaise"], ["Kazakh", "Kazakhstani"]),
    "TJK": (["tadjik/tadjike"], ["Tajik"]), "TKM": (["turkmène"], ["Turkmen"]), "KGZ": (["kirghize", "kirghiz/kirghize"], ["Kyrgyz"]),
    "AZE": (["azerbaïdjanais/azerbaïdjanaise", "azéri"], ["Azerbaijani", "Azeri"]), "ARM": (["arménien/arménienne"], ["Armenian"]),
    "GEO": (["géorgien/géorgienne"], ["Georgian"]), "UKR": (["ukrainien/ukrainienne"], ["Ukrainian"]),
    "POL": (["polonais/polonaise"], ["Polish"]), "LTU": (["lituanien/lituanienne"], ["Lithuanian"]),
    "LVA": (["letton/lettone"], ["Latvian"]), "EST": (["estonien/estonienne"], ["Estonian"]),
    "MDA": (["moldave"], ["Moldovan"]), "MNG": (["mongol/mongole"], ["Mongolian"]),
    "BRA": (["brésilien/brésilienne"], ["Brazilian"]), "FRA": (["français/française"], ["French"]),
    "DEU": (["allemand/allemande"], ["German"]), "ITA": (["italien/italienne"], ["Italian"]),
    "ESP": (["espagnol/espagnole"], ["Spanish"]), "GBR": (["britannique", "nord-irlandais/nord-irlandaise"], ["British", "Northern Irish"]),
    "USA": (["américain/américaine"], ["American"]), "CAN": (["canadien/canadienne", "britanno-colombien/britanno-colombienne"], ["Canadian"]),
    "JPN": (["japonais/japonaise"], ["Japanese"]), "KOR": (["sud-coréen/sud-coréenne"], ["South Korean"]),
    "IND": (["indien/indienne"], ["Indian"]), "PAK": (["pakistanais/pakistanaise"], ["Pakistani"]),
    "IRN": (["iranien/iranienne"], ["Iranian"]), "TUR": (["turc/turque"], ["Turkish"]),
    "EGY": (["égyptien/égyptienne"], ["Egyptian"]), "SGP": (["singapourien/singapourienne"], ["Singaporean"]),
    "VNM": (["vietnamien/vietnamienne"], ["Vietnamese"]), "IDN": (["indonésien/indonésienne"], ["Indonesian"]),
    "ARE": (["émirati/émiratie"], ["Emirati"]), "SAU": (["saoudien/saoudienne"], ["Saudi"]),
    "SRB": (["serbe"], ["Serbian"]), "CUB": (["cubain/cubaine"], ["Cuban"]), "ZAF": (["sud-africain/sud-africaine"], ["South African"]),
    "NGA": (["nigérian/nigériane"], ["Nigerian"]), "MEX": (["mexicain/mexicaine"], ["Mexican"]),
    "ARG": (["argentin/argentine"], ["Argentine", "Argentinian"]), "NLD": (["néerlandais/néerlandaise"], ["Dutch"]),
    "BEL": (["belge"], ["Belgian"]), "CHE": (["suisse"], ["Swiss"]), "AUT": (["autrichien/autrichienne"], ["Austrian"]),
    "SWE": (["suédois/suédoise"], ["Swedish"]), "NOR": (["norvégien/norvégienne"], ["Norwegian"]),
    "FIN": (["finlandais/finlandaise"], ["Finnish"]), "DNK": (["danois/danoise"], ["Danish"]),
    "CZE": (["tchèque"], ["Czech"]), "SVK": (["slovaque"], ["Slovak"]), "HUN": (["hongrois/hongroise"], ["Hungarian"]),
    "ROU": (["roumain/roumaine"], ["Romanian"]), "BGR": (["bulgare"], ["Bulgarian"]), "GRC": (["grec/grecque"], ["Greek"]),
    "PRT": (["portugais/portugaise"], ["Portuguese"]), "ISR": (["israélien/israélienne"], ["Israeli"]),
    "SYR": (["syrien/syrienne"], ["Syrian"]), "IRQ": (["irakien/irakienne"], ["Iraqi"]), "AFG": (["afghan/afghane"], ["Afghan"]),
    "THA": (["thaïlandais/thaïlandaise"], ["Thai"]), "MYS": (["malaisien/malaisienne"], ["Malaysian"]),
    "AUS": (["australien/australienne"], ["Australian"]), "VEN": (["vénézuélien/vénézuélienne"], ["Venezuelan"]),
    "ZWE": (["zimbabwéen/zimbabwéenne"], ["Zimbabwean"]), "KEN": (["kényan/kényane"], ["Kenyan"]),
    "ETH": (["éthiopien/éthiopienne"], ["Ethiopian"]), "MAR": (["marocain/marocaine"], ["Moroccan"]),
    "DZA": (["algérien/algérienne"], ["Algerian"]), "TUN": (["tunisien/tunisienne"], ["Tunisian"]),
    "OMN": (["omanais/omanaise"], ["Omani"]), "QAT": (["qatari/qatarie"], ["Qatari"]),
    # Added: demonyms of the countries that had none. Left out where one word names two
    # entities (congolais, guinéen/Guinean, samoan, saint-martinois, Dominican, Micronesian,
    # Central African, plain macédonien/Macedonian) or is an everyday word.
    # West and Central Africa
    "CIV": (["ivoirien/ivoirienne"], ["Ivorian"]), "SEN": (["sénégalais/sénégalaise"], ["Senegalese"]),
    "MLI": (["malien/malienne"], ["Malian"]), "CMR": (["camerounais/camerounaise"], ["Cameroonian"]),
    "BFA": (["burkinabè", "burkinabé/burkinabée"], ["Burkinabe"]), "NER": (["nigérien/nigérienne"], ["Nigerien"]),
    "TCD": (["tchadien/tchadienne"], ["Chadian"]), "BEN": (["béninois/béninoise"], ["Beninese", "Beninois"]),
    "TGO": (["togolais/togolaise"], ["Togolese"]), "GAB": (["gabonais/gabonaise"], ["Gabonese"]),
    "MRT": (["mauritanien/mauritanienne"], ["Mauritanian"]), "GHA": (["ghanéen/ghanéenne"], ["Ghanaian"]),
    "LBR": (["libérien/libérienne"], ["Liberian"]),
    "SLE": (["sierra-léonais/sierra-léonaise", "sierraléonais/sierraléonaise"], ["Sierra Leonean"]),
    "GMB": (["gambien/gambienne"], ["Gambian"]), "GNB": (["bissau-guinéen/bissau-guinéenne"], ["Bissau-Guinean"]),
    "GNQ": (["équato-guinéen/équato-guinéenne"], ["Equatorial Guinean", "Equatoguinean"]),
    "CAF": (["centrafricain/centrafricaine"], []),
    "CPV": (["cap-verdien/cap-verdienne", "capverdien/capverdienne"], ["Cape Verdean", "Cabo Verdean"]),
    "STP": (["santoméen/santoméenne"], ["Santomean"]),
    # East and Southern Africa, the Indian Ocean
    "RWA": (["rwandais/rwandaise"], ["Rwandan"]), "BDI": (["burundais/burundaise"], ["Burundian"]),
    "UGA": (["ougandais/ougandaise"], ["Ugandan"]), "TZA": (["tanzanien/tanzanienne"], ["Tanzanian"]),
    "SDN": (["soudanais/soudanaise"], ["Sudanese"]), "SSD": (["sud-soudanais/sud-soudanaise"], ["South Sudanese"]),
    "SOM": (["somalien/somalienne"], ["Somali", "Somalian"]), "DJI": (["djiboutien/djiboutienne"], ["Djiboutian"]),
    "ERI": (["érythréen/érythréenne"], ["Eritrean"]), "AGO": (["angolais/angolaise"], ["Angolan"]),
    "MOZ": (["mozambicain/mozambicaine"], ["Mozambican"]), "ZMB": (["zambien/zambienne"], ["Zambian"]),
    "MWI": (["malawien/malawienne", "malawite"], ["Malawian"]), "NAM": (["namibien/namibienne"], ["Namibian"]),
    "BWA": (["botswanais/botswanaise"], ["Botswanan", "Motswana", "Batswana"]),
    "LSO": (["lesothien/lesothienne"], ["Basotho", "Mosotho"]), "SWZ": (["swazi/swazie", "eswatinien/eswatinienne"], []),
    "MDG": (["malgache"], ["Malagasy", "Madagascan"]), "MUS": (["mauricien/mauricienne"], ["Mauritian"]),
    "SYC": (["seychellois/seychelloise"], []), "COM": (["comorien/comorienne"], ["Comorian", "Comoran"]),
    # North Africa and the Middle East
    "LBY": (["libyen/libyenne"], ["Libyan"]), "LBN": (["libanais/libanaise"], ["Lebanese"]),
    "JOR": (["jordanien/jordanienne"], ["Jordanian"]),
    "KWT": (["koweïtien/koweïtienne", "koweitien/koweitienne"], ["Kuwaiti"]),
    "BHR": (["bahreïnien/bahreïnienne", "bahreïni/bahreïnie"], ["Bahraini"]),
    "YEM": (["yéménite"], ["Yemeni", "Yemenite"]), "PSE": (["palestinien/palestinienne"], ["Palestinian"]),
    # Asia and the Pacific
    "BGD": (["bangladais/bangladaise"], ["Bangladeshi"]), "NPL": (["népalais/népalaise"], ["Nepali", "Nepalese"]),
    "LKA": (["sri-lankais/sri-lankaise", "srilankais/srilankaise"], ["Sri Lankan"]),
    "BTN": (["bhoutanais/bhoutanaise"], ["Bhutanese"]), "MDV": (["maldivien/maldivienne"], ["Maldivian"]),
    "KHM": (["cambodgien/cambodgienne"], ["Cambodian"]), "MMR": (["birman/birmane"], ["Burmese"]),
    "LAO": (["laotien/laotienne"], ["Laotian"]), "PHL": (["philippin/philippine"], ["Filipino", "Philippine"]),
    "TWN": (["taïwanais/taïwanaise", "taiwanais/taiwanaise"], ["Taiwanese"]),
    "HKG": (["hongkongais/hongkongaise"], ["Hongkonger", "Hong Konger"]), "MAC": (["macanais/macanaise"], ["Macanese"]),
    "BRN": (["brunéien/brunéienne"], ["Bruneian"]),
    "TLS": (["est-timorais/est-timoraise", "timorais/timoraise"], ["Timorese", "East Timorese"]),
    "PRK": (["nord-coréen/nord-coréenne"], ["North Korean"]), "NZL": (["néo-zélandais/néo-zélandaise"], ["New Zealander"]),
    "FJI": (["fidjien/fidjienne"], ["Fijian"]),
    "PNG": (["papouan-néo-guinéen/papouane-néo-guinéenne", "papouans-néo-guinéens", "papouanes-néo-guinéennes"], ["Papua New Guinean"]),
    "TON": (["tongien/tongienne"], ["Tongan"]), "VUT": (["vanuatais/vanuataise"], ["Ni-Vanuatu"]),
    "SLB": (["salomonais/salomonaise"], ["Solomon Islander"]), "KIR": (["kiribatien/kiribatienne"], ["I-Kiribati"]),
    "MHL": (["marshallais/marshallaise"], ["Marshallese"]), "PLW": (["palaosien/palaosienne"], ["Palauan"]),
    "NRU": (["nauruan/nauruane"], []), "TUV": (["tuvaluan/tuvaluane"], []), "GUM": (["guamien/guamienne"], ["Guamanian"]),
    # Latin America and the Caribbean
    "CHL": (["chilien/chilienne"], ["Chilean"]), "COL": (["colombien/colombienne"], ["Colombian"]),
    "PER": (["péruvien/péruvienne"], ["Peruvian"]), "ECU": (["équatorien/équatorienne"], ["Ecuadorian", "Ecuadorean"]),
    "BOL": (["bolivien/bolivienne"], ["Bolivian"]), "PRY": (["paraguayen/paraguayenne"], ["Paraguayan"]),
    "URY": (["uruguayen/uruguayenne"], ["Uruguayan"]),
    "CRI": (["costaricien/costaricienne", "costa-ricien/costa-ricienne", "costaricain/costaricaine"], ["Costa Rican"]),
    "PAN": (["panaméen/panaméenne"], ["Panamanian"]), "GTM": (["guatémaltèque"], ["Guatemalan"]),
    "HND": (["hondurien/hondurienne"], ["Honduran"]), "NIC": (["nicaraguayen/nicaraguayenne"], ["Nicaraguan"]),
    "SLV": (["salvadorien/salvadorienne"], ["Salvadoran", "Salvadorian"]), "BLZ": (["bélizien/bélizienne"], ["Belizean"]),
    "DOM": (["dominicain/dominicaine"], []), "DMA": (["dominiquais/dominiquaise"], []),
    "HTI": (["haïtien/haïtienne"], ["Haitian"]), "JAM": (["jamaïcain/jamaïcaine"], ["Jamaican"]),
    "GUY": (["guyanien/guyanienne"], ["Guyanese"]), "SUR": (["surinamais/surinamaise"], ["Surinamese"]),
    "TTO": (["trinidadien/trinidadienne"], ["Trinidadian"]), "PRI": (["portoricain/portoricaine"], ["Puerto Rican"]),
    "BHS": (["bahamien/bahamienne"], ["Bahamian"]), "BRB": (["barbadien/barbadienne"], ["Barbadian"]),
    "ATG": (["antiguais/antiguaise"], ["Antiguan"]), "KNA": (["kittitien/kittitienne"], ["Kittitian"]),
    "LCA": (["saint-lucien/saint-lucienne"], ["Saint Lucian"]), "VCT": (["vincentais/vincentaise"], ["Vincentian"]),
    "GRD": (["grenadien/grenadienne"], ["Grenadian"]), "ABW": (["arubais/arubaise"], ["Aruban"]),
    "CYM": (["caïmanais/caïmanaise"], ["Caymanian"]), "BMU": (["bermudien/bermudienne"], ["Bermudian"]),
    # Europe
    "IRL": (["irlandais/irlandaise"], ["Irish"]), "ISL": (["islandais/islandaise"], ["Icelandic"]),
    "LUX": (["luxembourgeois/luxembourgeoise"], ["Luxembourgish", "Luxembourger"]),
    "MLT": (["maltais/maltaise"], ["Maltese"]), "CYP": (["chypriote", "cypriote"], ["Cypriot"]),
    "HRV": (["croate"], ["Croatian"]), "SVN": (["slovène"], ["Slovenian", "Slovene"]),
    "ALB": (["albanais/albanaise"], ["Albanian"]), "MKD": (["nord-macédonien/nord-macédonienne"], ["North Macedonian"]),
    "MNE": (["monténégrin/monténégrine"], ["Montenegrin"]), "BIH": (["bosnien/bosnienne"], ["Bosnian"]),
    "MCO": (["monégasque"], ["Monegasque", "Monacan"]),
    "LIE": (["liechtensteinois/liechtensteinoise"], ["Liechtensteiner"]), "AND": (["andorran/andorrane"], ["Andorran"]),
    "SMR": (["saint-marinais/saint-marinaise"], ["Sammarinese"]),
    "GIB": (["gibraltarien/gibraltarienne"], ["Gibraltarian"]), "IMN": (["mannois/mannoise"], ["Manx"]),
    "GRL": (["groenlandais/groenlandaise"], ["Greenlandic", "Greenlander"]),
    "FRO": (["féroïen/féroïenne", "féringien/féringienne"], ["Faroese"]),
    # French overseas
    "REU": (["réunionnais/réunionnaise"], ["Réunionese", "Reunionese"]),
    "MTQ": (["martiniquais/martiniquaise"], ["Martinican"]), "GLP": (["guadeloupéen/guadeloupéenne"], ["Guadeloupean"]),
    "GUF": (["guyanais/guyanaise"], ["French Guianese"]), "MYT": (["mahorais/mahoraise"], ["Mahoran"]),
    "NCL": (["néo-calédonien/néo-calédonienne"], ["New Caledonian"]),
    "PYF": (["polynésien/polynésienne"], ["French Polynesian"]), "SPM": (["saint-pierrais/saint-pierraise"], []),
    "WLF": (["wallisien/wallisienne"], ["Wallisian"]),
}

# Capitals and major cities, mapped to their country.
CITIES = {
    "BLR": ["Minsk"], "RUS": ["Moscou", "Moscow", "Saint-Pétersbourg", "St Petersburg"], "CHN": ["Pékin", "Beijing", "Shanghai"],
    "UZB": ["Tachkent", "Tashkent"], "KAZ": ["Astana", "Almaty"], "TJK": ["Douchanbé", "Dushanbe"],
    "KGZ": ["Bichkek", "Bishkek"], "TKM": ["Achgabat", "Ashgabat"], "AZE": ["Bakou", "Baku"], "ARM": ["Erevan", "Yerevan"],
    "GEO": ["Tbilissi", "Tbilisi"], "UKR": ["Kiev", "Kyiv"], "POL": ["Varsovie", "Warsaw"], "LTU": ["Vilnius"],
    "LVA": ["Riga"], "MDA": ["Chisinau", "Chișinău"], "MNG": ["Oulan-Bator", "Ulaanbaatar"], "BRA": ["Brasilia", "Brasília", "São Paulo"],
    "FRA": ["Paris"], "DEU": ["Berlin"], "GBR": ["Londres", "London"], "USA": ["Washington"], "JPN": ["Tokyo"],
    "IND": ["New Delhi", "Delhi"], "TUR": ["Ankara", "Istanbul"], "EGY": ["Le Caire", "Cairo"], "IRN": ["Téhéran", "Tehran"],
    "ARE": ["Dubaï", "Dubai", "Abou Dhabi", "Abu Dhabi"], "VNM": ["Hanoï", "Hanoi"], "ITA": ["Rome"], "ESP": ["Madrid"],
}

# ISO 3166-2 regions (and provincial-level cities) that prose names with "région de", "province du" …
REGIONS = {
    "BY-MI": ("BLR", ["Minsk", "Minskshchina"]), "BY-BR": ("BLR", ["Brest", "Brestchina"]), "BY-HO": ("BLR", ["Gomel", "Homiel"]),
    "BY-HR": ("BLR", ["Grodno", "Hrodna"]), "BY-MA": ("BLR", ["Mogilev", "Moguilev", "Mahilioŭ"]),
    "BY-VI": ("BLR", ["Vitebsk", "Viciebsk", "Vitebshchyna"]),
    "UZ-TO": ("UZB", ["Tachkent", "Tashkent"]), "UZ-SA": ("UZB", ["Samarcande", "Samarkand"]),
    "UZ-AN": ("UZB", ["Andijan", "Andijon"]), "UZ-FA": ("UZB", ["Ferghana", "Fergana", "Farg'ona"]),
    "UZ-NG": ("UZB", ["Namangan"]), "UZ-SU": ("UZB", ["Surkhandarya", "Sourkhan-Daria"]),
    "UZ-QA": ("UZB", ["Kashkadarya", "Kachkadaria"]), "UZ-BU": ("UZB", ["Boukhara", "Bukhara"]),
    "UZ-KH": ("UZB", ["Khorezm"]), "UZ-NW": ("UZB", ["Navoï", "Navoi"]), "UZ-JI": ("UZB", ["Djizak", "Jizzakh"]),
    "UZ-SI": ("UZB", ["Syrdarya", "Syr-Daria"]), "UZ-QR": ("UZB", ["Karakalpakstan"]),
    "CN-GD": ("CHN", ["Guangdong"]), "CN-SD": ("CHN", ["Shandong"]), "CN-HL": ("CHN", ["Heilongjiang"]),
    "CN-JX": ("CHN", ["Jiangxi"]), "CN-JS": ("CHN", ["Jiangsu"]), "CN-ZJ": ("CHN", ["Zhejiang"]),
    "CN-SC": ("CHN", ["Sichuan"]), "CN-HA": ("CHN", ["Henan"]), "CN-HB": ("CHN", ["Hubei"]),
    "CN-CQ": ("CHN", ["Chongqing"]), "CN-GS": ("CHN", ["Gansu"]), "CN-LN": ("CHN", ["Liaoning"]),
    "CN-JL": ("CHN", ["Jilin"]), "CN-HE": ("CHN", ["Hebei"]), "CN-SN": ("CHN", ["Shaanxi"]),
    "CN-XJ": ("CHN", ["Xinjiang"]), "CN-FJ": ("CHN", ["Fujian"]), "CN-YN": ("CHN", ["Yunnan"]),
    "RU-MOS": ("RUS", ["Moscou", "Moscow"]), "RU-SMO": ("RUS", ["Smolensk"]), "RU-BRY": ("RUS", ["Briansk", "Bryansk"]),
    "RU-PSK": ("RUS", ["Pskov"]), "RU-TA": ("RUS", ["Tatarstan"]), "RU-SVE": ("RUS", ["Sverdlovsk"]),
    "KZ-ALM": ("KAZ", ["Almaty"]), "TJ-SU": ("TJK", ["Sughd", "Soghd"]), "TJ-KT": ("TJK", ["Khatlon"]),
}


def fr_forms(spec):
    masc, _, fem = spec.partition("/")
    fem = fem or masc
    out = [masc, fem]
    for w in (masc, fem):
        out.append(w if w.endswith(("s", "x")) else w + "s")
    return list(dict.fromkeys(out))


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def arr(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


def main():
    out = [open(sys.argv[0].replace("gen_gazetteer.py", "gazetteer_header.toml")).read().rstrip() + "\n"]
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        cid = c.alpha_3
        names = []
        en = c.name.split(",")[0].strip()
        names += [en]
        for attr in ("common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names.append(v)
        fr = FR.gettext(c.name)
        if "," not in fr or cid not in NAMES:
            names.append(fr.split(",")[0].strip())
        names += NAMES.get(cid, [])
        names = list(dict.fromkeys(n for n in names if n))
        fr_adj, en_adj = DEMONYMS.get(cid, ([], []))
        adjs = [f for spec in fr_adj for f in fr_forms(spec)]
        out.append("[[entity]]")
        out.append(f"id = {q(cid)}")
        out.append('kind = "country"')
        out.append(f"names = {arr(names)}")
        if adjs or en_adj:
            out.append(f"adjectives = {arr(adjs)}")
            out.append(f"adjectives_en = {arr(en_adj)}")
        if cid in CITIES:
            out.append(f"cities = {arr(CITIES[cid])}")
        out.append("")
    for rid, (country, names) in REGIONS.items():
        out.append("[[entity]]")
        out.append(f"id = {q(rid)}")
        out.append('kind = "region"')
        out.append(f"country = {q(country)}")
        out.append(f"names = {arr(names)}")
        out.append("")
    path = sys.argv[0].replace("scripts/gen_gazetteer.py", "rules/gazetteer.toml")
    open(path, "w").write("\n".join(out))


main()
