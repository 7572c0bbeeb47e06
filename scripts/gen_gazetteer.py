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
    "ESP": (["espagnol/espagnole"], ["Spanish"]), "GBR": (["britannique"], ["British"]),
    "USA": (["américain/américaine"], ["American"]), "CAN": (["canadien/canadienne"], ["Canadian"]),
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
    "CN-GD": ("CHN", ["Guangdong", "Canton"]), "CN-SD": ("CHN", ["Shandong"]), "CN-HL": ("CHN", ["Heilongjiang"]),
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
