"""A seeded synthetic corpus of news articles about ASEAN digital-diplomacy events, for benchmarks.

The benchmarks (build throughput and scaling at 10^2..10^5 articles, dashboard page timings, a load
test) need corpora far larger than the real seeds, and copies of a few real articles would let the
pipeline's caches and merging do almost nothing. This module invents events instead: meetings,
seminars, conferences, workshops and dialogues on digital diplomacy, cyber security,
counter-terrorism, the digital economy and so on, spread over 2010-2026, held in cities across ASEAN
and its partners, each with a host, 3-12 participating countries, titled attendees (names recombined
from first and last name lists), themes and often an outcome document. Each event is reported by a
few articles (about `articles_per_event`, from different outlets, in Indonesian about 70% of the time
and English otherwise), written by recombining many sentence patterns, so no two articles are copies
and the pipeline's extraction and cross-article merging do real work. A little noise is mixed in:
opinion pieces with no event (~3%), near duplicates of an article from another outlet with one line
changed (~2%), and a few reports that give no year.

Everything here is synthetic: events, people, quotes and documents are invented; the wording only
imitates the style of real reports (datelines, `Selasa (10/9/2019)` dates, delegation lists).
Deterministic for a seed, and streaming: articles are produced one at a time, so 10^5 of them never
sit in memory together (only a small record of each event is kept, so that distinct events within a
day of each other never share an acronym, a similar name, or a city and kind, which the pipeline's
merge would take for one event). 10^5 articles take about 25 s to write.

    python bench/synthetic_corpus.py N FOLDER [--seed S]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# --------------------------------------------------------------------------------------------------
# Data: countries, places, names, offices
# --------------------------------------------------------------------------------------------------

# iso3, English name, Indonesian name, English demonym
COUNTRIES: dict[str, tuple[str, str, str]] = {
    "IDN": ("Indonesia", "Indonesia", "Indonesian"),
    "MYS": ("Malaysia", "Malaysia", "Malaysian"),
    "SGP": ("Singapore", "Singapura", "Singaporean"),
    "THA": ("Thailand", "Thailand", "Thai"),
    "PHL": ("the Philippines", "Filipina", "Philippine"),
    "VNM": ("Vietnam", "Vietnam", "Vietnamese"),
    "LAO": ("Laos", "Laos", "Lao"),
    "KHM": ("Cambodia", "Kamboja", "Cambodian"),
    "MMR": ("Myanmar", "Myanmar", "Myanmar"),
    "BRN": ("Brunei Darussalam", "Brunei Darussalam", "Bruneian"),
    "TLS": ("Timor-Leste", "Timor Leste", "Timorese"),
    "AUS": ("Australia", "Australia", "Australian"),
    "JPN": ("Japan", "Jepang", "Japanese"),
    "CHN": ("China", "Tiongkok", "Chinese"),
    "KOR": ("South Korea", "Korea Selatan", "South Korean"),
    "IND": ("India", "India", "Indian"),
    "USA": ("the United States", "Amerika Serikat", "American"),
    "NZL": ("New Zealand", "Selandia Baru", "New Zealand"),
    "GBR": ("the United Kingdom", "Inggris", "British"),
    "CAN": ("Canada", "Kanada", "Canadian"),
}
ASEAN = ("IDN", "MYS", "SGP", "THA", "PHL", "VNM", "LAO", "KHM", "MMR", "BRN")
PARTNERS = ("AUS", "JPN", "CHN", "KOR", "IND", "USA", "NZL", "GBR", "CAN", "TLS")

# city, country; Indonesian cities are listed more often (most reports are Indonesian)
CITIES: tuple[tuple[str, str], ...] = (
    ("Jakarta", "IDN"), ("Jakarta", "IDN"), ("Jakarta", "IDN"), ("Bali", "IDN"), ("Nusa Dua", "IDN"),
    ("Surabaya", "IDN"), ("Yogyakarta", "IDN"), ("Bandung", "IDN"), ("Medan", "IDN"), ("Makassar", "IDN"),
    ("Manado", "IDN"), ("Bogor", "IDN"), ("Semarang", "IDN"), ("Batam", "IDN"), ("Labuan Bajo", "IDN"),
    ("Mataram", "IDN"), ("Palembang", "IDN"), ("Balikpapan", "IDN"), ("Denpasar", "IDN"), ("Malang", "IDN"),
    ("Kuala Lumpur", "MYS"), ("Putrajaya", "MYS"), ("Kuching", "MYS"), ("Kota Kinabalu", "MYS"), ("Melaka", "MYS"),
    ("Singapore", "SGP"), ("Bangkok", "THA"), ("Chiang Mai", "THA"), ("Pattaya", "THA"), ("Manila", "PHL"),
    ("Cebu City", "PHL"), ("Davao", "PHL"), ("Hanoi", "VNM"), ("Da Nang", "VNM"), ("Ho Chi Minh City", "VNM"),
    ("Vientiane", "LAO"), ("Phnom Penh", "KHM"), ("Siem Reap", "KHM"), ("Yangon", "MMR"), ("Naypyidaw", "MMR"),
    ("Bandar Seri Begawan", "BRN"), ("Dili", "TLS"), ("Tokyo", "JPN"), ("Osaka", "JPN"), ("Seoul", "KOR"),
    ("Busan", "KOR"), ("Beijing", "CHN"), ("Nanning", "CHN"), ("Canberra", "AUS"), ("Sydney", "AUS"),
    ("New Delhi", "IND"), ("Wellington", "NZL"), ("Auckland", "NZL"),
)
CITY_ID = {"Singapore": "Singapura"}   # cities Indonesian text names otherwise

VENUES = ("Hotel Borobudur", "Hotel Mulia", "Gedung Pancasila", "Hotel Indonesia Kempinski", "Grand Hyatt hotel",
          "Sheraton hotel", "Hotel Aryaduta", "Balai Sidang", "Hotel Santika", "Wisma Negara")

# first and last names by naming tradition (family name first where the tradition puts it first);
# a person is one of each, so each list pair gives a hundred or so distinct people
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "IDN": (("Budi", "Siti", "Agus", "Dewi", "Rizal", "Ratna", "Hendra", "Wahyu", "Indah", "Teguh", "Yudi",
             "Fitri", "Andi", "Bambang", "Rina", "Dimas", "Ayu", "Arief", "Nurul", "Eko", "Yusuf", "Hasan",
             "Lestari", "Wulan", "Fajar", "Gita", "Irwan", "Joko", "Kartika", "Mega", "Novi", "Putri",
             "Rahmat", "Sinta", "Taufik", "Umar", "Vina", "Yanti", "Zainal", "Anisa"),
            ("Santoso", "Wibowo", "Rahmawati", "Kusuma", "Hidayat", "Nugroho", "Saputra", "Prasetyo", "Siregar",
             "Nasution", "Simanjuntak", "Harahap", "Setiawan", "Gunawan", "Susanto", "Pratama", "Hakim",
             "Purnomo", "Hartono", "Maharani", "Lubis", "Sembiring", "Pangaribuan", "Wahyudi", "Kurniawan",
             "Hasibuan", "Suryadi", "Permana", "Syahputra", "Anggraini", "Utomo", "Firmansyah", "Ramadhan",
             "Sitompul", "Situmorang", "Hutapea", "Daulay", "Mulyadi", "Pardede", "Wiranata")),
    "MYS": (("Ahmad", "Mohd", "Nurul", "Faizal", "Azman", "Aminah", "Hafiz", "Zulkifli", "Rosli", "Farah",
             "Hamzah", "Ismail", "Khairul", "Liyana", "Syafiq", "Aisyah"),
            ("Abdullah", "Hashim", "Othman", "Yaacob", "Ibrahim", "Razak", "Rahman", "Kamaruddin", "Jamaluddin",
             "Zakaria", "Mokhtar", "Sulaiman", "Harun", "Aziz")),
    "SGP": (("Tan", "Lim", "Ong", "Koh", "Goh", "Teo", "Chua", "Lee"),
            ("Wei Ming", "Mei Ling", "Kah Seng", "Li Hua", "Boon Heng", "Siew Lan", "Jun Jie", "Hui Min")),
    "THA": (("Somchai", "Anan", "Kanya", "Pornpimol", "Sompong", "Chatchai", "Nattapong", "Siriporn", "Thanawat",
             "Wanida", "Prasert", "Kittipong"),
            ("Wongsawat", "Srisuk", "Chaiyaporn", "Rattanakul", "Kittikhun", "Sukprasert", "Boonmee", "Jaidee",
             "Charoenrat", "Thongsuk")),
    "PHL": (("Maria", "Jose", "Ramon", "Ana", "Carlo", "Liza", "Paolo", "Teresa", "Miguel", "Rosario",
             "Antonio", "Cristina"),
            ("Santos", "Reyes", "Bautista", "Villanueva", "Aquino", "Dizon", "Castillo", "Manalo", "Pascual",
             "Salazar", "Tolentino", "Gatchalian")),
    "VNM": (("Nguyen Van", "Tran Thi", "Le Minh", "Pham Quoc", "Hoang Duc", "Vu Thanh", "Do Thi", "Bui Van",
             "Dang Quang", "Ngo Thi"),
            ("Hai", "Lan", "Tuan", "Bao", "Anh", "Son", "Hoa", "Dung", "Thang", "Huong", "Khanh", "Phuong")),
    "LAO": (("Phonesavanh", "Bounmy", "Khamphone", "Souksavanh", "Vilayphone", "Thongsavanh", "Chanthavong"),
            ("Keomany", "Sisavath", "Inthavong", "Phommachanh", "Vongsa", "Sengdara", "Douangchak")),
    "KHM": (("Sok", "Chea", "Prak", "Keo", "Heng", "Ouk", "Sem", "Phan"),
            ("Vannak", "Sophal", "Dara", "Rithy", "Sokha", "Chanthy", "Bunthoeun", "Sothea", "Vuthy")),
    "MMR": (("Kyaw", "Thida", "Zaw", "Myint", "Khin", "Thant", "Nyein", "Soe"),
            ("Min Htun", "Soe Win", "Naing Oo", "Aye Mon", "Thein Zaw", "Lwin Oo", "Htet Aung", "Myo Thant")),
    "BRN": (("Hamdan", "Hairul", "Rosli", "Haziq", "Azmi", "Zaini", "Aziz", "Jefri"),
            ("bin Abdul Rahman", "bin Yusof", "bin Haji Mahmud", "bin Othman", "bin Hamid", "bin Jaafar")),
    "TLS": (("Joao", "Agostinho", "Filomena", "Ermelinda", "Januario", "Lourdes", "Mateus"),
            ("da Costa", "Ximenes", "Soares", "Guterres", "Belo", "Pereira", "Amaral")),
    "JPN": (("Takeshi", "Yuko", "Hiroshi", "Kenji", "Aiko", "Masato", "Naoko", "Satoshi", "Haruka", "Daisuke"),
            ("Yamamoto", "Tanaka", "Sato", "Watanabe", "Kobayashi", "Ishikawa", "Morimoto", "Fujiwara",
             "Hayashi", "Kondo")),
    "KOR": (("Kim Min", "Lee Seo", "Park Ji", "Choi Hyun", "Jung Da", "Kang Hye", "Yoon Sung", "Han Jae"),
            ("jun", "yeon", "ho", "woo", "eun", "jin", "min", "soo")),
    "CHN": (("Wang", "Zhang", "Chen", "Zhao", "Huang", "Zhou", "Sun", "Ma"),
            ("Lei", "Jing", "Ming", "Wei", "Fang", "Hong", "Xiaoyu", "Jianguo")),
    "IND": (("Rajesh", "Priya", "Anil", "Sunita", "Vikram", "Kavita", "Arjun", "Meera", "Sanjay", "Deepa"),
            ("Kumar", "Sharma", "Mehta", "Rao", "Iyer", "Menon", "Gupta", "Nair", "Verma", "Bhatia")),
    "WEST": (("Jane", "David", "Sarah", "Michael", "Emma", "Peter", "Claire", "Andrew", "Rebecca", "Thomas",
              "Helen", "Mark", "Olivia", "Richard"),
             ("Mitchell", "Thompson", "Collins", "Hughes", "Walsh", "Lawson", "Fraser", "Bennett", "Gardner",
              "Holloway", "Pearce", "Whitfield", "Donovan", "Caldwell")),
}

# offices: Indonesian title, English title before a name, English title after a name (`Name, ...,`);
# {cid} Indonesian country name, {cen} English, {dem} demonym
OFFICES: tuple[tuple[str, str, str], ...] = (
    ("Menteri Luar Negeri {cid}", "{dem} Foreign Minister", "{cen}'s foreign minister"),
    ("Wakil Menteri Luar Negeri {cid}", "{dem} Deputy Foreign Minister", "{cen}'s deputy foreign minister"),
    ("Duta Besar {cid} untuk ASEAN", "{dem} Ambassador to ASEAN", "{cen}'s ambassador to ASEAN"),
    ("Wakil Duta Besar {cid} untuk ASEAN", "{dem} Deputy Ambassador to ASEAN", "{cen}'s deputy ambassador to ASEAN"),
    ("Menteri Komunikasi {cid}", "{dem} Communications Minister", "{cen}'s communications minister"),
    ("Menteri Dalam Negeri {cid}", "{dem} Home Affairs Minister", "{cen}'s minister for home affairs"),
    ("Direktur Jenderal Kerja Sama ASEAN Kementerian Luar Negeri {cid}",
     "{dem} Director General for ASEAN Cooperation", "director general for ASEAN cooperation of {cen}"),
    ("Direktur Diplomasi Publik Kementerian Luar Negeri {cid}", "{dem} Director of Public Diplomacy",
     "director of public diplomacy at {cen}'s foreign ministry"),
    ("Juru Bicara Kementerian Luar Negeri {cid}", "{dem} Foreign Ministry Spokesperson",
     "spokesperson of {cen}'s foreign ministry"),
    ("Ketua Delegasi {cid}", "{dem} Head of Delegation", "head of the {dem} delegation"),
)
# offices the Indonesian press gives Indonesian officials
OFFICES_IDN: tuple[tuple[str, str, str], ...] = (
    ("Menteri Luar Negeri RI", "Indonesian Foreign Minister", "Indonesia's foreign minister"),
    ("Wakil Menteri Luar Negeri RI", "Indonesian Deputy Foreign Minister", "Indonesia's deputy foreign minister"),
    ("Direktur Jenderal Informasi dan Diplomasi Publik Kementerian Luar Negeri",
     "Indonesian Director General of Information and Public Diplomacy",
     "director general of information and public diplomacy at Indonesia's foreign ministry"),
    ("Direktur Jenderal Kerja Sama ASEAN Kementerian Luar Negeri", "Indonesian Director General for ASEAN Cooperation",
     "director general for ASEAN cooperation at Indonesia's foreign ministry"),
    ("Menteri Komunikasi dan Informatika", "Indonesian Communication and Informatics Minister",
     "Indonesia's communication and informatics minister"),
    ("Menko Polhukam", "Indonesian Coordinating Minister for Political, Legal and Security Affairs",
     "Indonesia's coordinating minister for political, legal and security affairs"),
    ("Kepala Badan Siber dan Sandi Negara (BSSN)", "Indonesian National Cyber and Crypto Agency head",
     "head of Indonesia's National Cyber and Crypto Agency"),
    ("Duta Besar RI untuk ASEAN", "Indonesian Ambassador to ASEAN", "Indonesia's ambassador to ASEAN"),
    ("Juru Bicara Kementerian Luar Negeri RI", "Indonesian Foreign Ministry Spokesperson",
     "spokesperson of Indonesia's foreign ministry"),
)

# --------------------------------------------------------------------------------------------------
# Data: event names, topics, themes, documents
# --------------------------------------------------------------------------------------------------

# kind: English word, Indonesian word, lower-case Indonesian and English references
KINDS: tuple[tuple[str, str, str, str], ...] = (
    ("Conference", "Konferensi", "konferensi", "conference"),
    ("Seminar", "Seminar", "seminar", "seminar"),
    ("Workshop", "Lokakarya", "lokakarya", "workshop"),
    ("Dialogue", "Dialog", "dialog", "dialogue"),
    ("Meeting", "Pertemuan", "pertemuan", "meeting"),
    ("Forum", "Forum", "forum", "forum"),
    ("Symposium", "Simposium", "simposium", "symposium"),
)
# scope: English, Indonesian ({p}/{pid}: a partner's English/Indonesian name)
SCOPES: tuple[tuple[str, str], ...] = (
    ("Regional", "Regional"), ("International", "Internasional"), ("Sub-Regional", "Sub-Kawasan"),
    ("ASEAN", "ASEAN"), ("Asia-Pacific", "Asia-Pasifik"), ("ASEAN-{p}", "ASEAN-{pid}"),
    ("ASEAN-{p}", "ASEAN-{pid}"), ("Southeast Asian", "Asia Tenggara"), ("ARF", "ARF"),
)
SCOPE_PARTNERS = (("Japan", "Jepang", "JPN"), ("Australia", "Australia", "AUS"), ("China", "Tiongkok", "CHN"),
                  ("Korea", "Korea", "KOR"), ("India", "India", "IND"), ("New Zealand", "Selandia Baru", "NZL"),
                  ("Canada", "Kanada", "CAN"))
# topic: English, Indonesian, themes it brings up
TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Digital Diplomacy", "Diplomasi Digital", ("peace_messaging", "capacity_building", "citizen_protection")),
    ("Cyber Security", "Keamanan Siber", ("capacity_building", "platform_governance")),
    ("Counter-Terrorism", "Penanggulangan Terorisme", ("peace_messaging", "platform_governance")),
    ("Digital Economy", "Ekonomi Digital", ("economy", "digital_divide")),
    ("Countering Disinformation", "Penanggulangan Disinformasi", ("platform_governance", "capacity_building")),
    ("Online Scams", "Penipuan Daring", ("citizen_protection", "platform_governance")),
    ("Citizen Protection", "Perlindungan Warga Negara", ("citizen_protection", "capacity_building")),
    ("Digital Inclusion", "Inklusi Digital", ("digital_divide", "economy")),
    ("Countering Violent Extremism", "Pencegahan Ekstremisme Kekerasan", ("peace_messaging", "platform_governance")),
    ("Cyber Norms", "Norma Siber", ("capacity_building", "platform_governance")),
    ("Digital Connectivity", "Konektivitas Digital", ("digital_divide", "economy")),
    ("Information and Media", "Informasi dan Media", ("platform_governance", "peace_messaging")),
    ("Digital Literacy", "Literasi Digital", ("capacity_building", "platform_governance")),
    ("Data Governance", "Tata Kelola Data", ("economy", "citizen_protection")),
    ("Public Diplomacy", "Diplomasi Publik", ("peace_messaging", "capacity_building")),
    ("Digital Trade", "Perdagangan Digital", ("economy", "digital_divide")),
    ("Critical Information Infrastructure", "Infrastruktur Informasi Kritis", ("capacity_building", "digital_divide")),
)
THEMES = ("peace_messaging", "economy", "citizen_protection", "digital_divide", "platform_governance",
          "capacity_building")

# theme phrases: verb phrases an Indonesian sentence can end with, bare infinitives for English
THEME_ID: dict[str, tuple[str, ...]] = {
    "peace_messaging": ("menyebarkan pesan damai di ruang digital", "melawan ekstremisme kekerasan di media sosial",
                        "menangkal radikalisme melalui kontra narasi", "mempromosikan toleransi di dunia maya",
                        "mencegah penyebaran propaganda terorisme di internet", "meredam ujaran kebencian di internet"),
    "economy": ("mendorong pertumbuhan ekonomi digital kawasan", "memperluas perdagangan lintas batas lewat e-commerce",
                "memperluas akses pasar bagi UMKM", "menarik investasi ke sektor teknologi",
                "mempercepat peralihan menuju Industri 4.0", "meningkatkan ekspor jasa digital"),
    "citizen_protection": ("memperkuat perlindungan WNI di luar negeri", "melindungi warga dari penipuan daring",
                           "memberantas perdagangan orang yang memanfaatkan internet",
                           "memperluas layanan kekonsuleran berbasis aplikasi",
                           "melindungi pekerja migran dari jerat penipuan online",
                           "memperkuat perlindungan konsumen di ranah digital"),
    "digital_divide": ("mempersempit kesenjangan digital antarnegara", "memperluas akses internet ke daerah terpencil",
                       "memastikan tidak ada yang tertinggal dalam transformasi digital",
                       "meningkatkan konektivitas di wilayah perbatasan", "mendorong inklusi digital bagi kelompok rentan",
                       "mempercepat pemerataan jaringan di pedesaan"),
    "platform_governance": ("mengajak perusahaan teknologi berbagi tanggung jawab", "menangkal hoaks dan disinformasi",
                            "memperkuat moderasi konten di platform digital", "memerangi berita palsu menjelang pemilu",
                            "membangun tata kelola media sosial yang lebih baik", "menekan peredaran konten negatif"),
    "capacity_building": ("meningkatkan kapasitas diplomat di bidang digital",
                          "memperluas pelatihan keamanan siber bagi aparatur", "menumbuhkan talenta digital di kawasan",
                          "memperkuat literasi digital masyarakat", "menyiapkan diplomat yang cakap digital",
                          "memperbanyak program peningkatan kapasitas bersama"),
}
THEME_EN: dict[str, tuple[str, ...]] = {
    "peace_messaging": ("spread messages of peace online", "counter violent extremism on social media",
                        "push back against radicalisation with counter-narratives", "promote tolerance in cyberspace",
                        "stop terrorist propaganda from spreading online", "curb hate speech on the internet"),
    "economy": ("grow the region's digital economy", "expand cross-border trade through e-commerce",
                "open up new markets for MSMEs", "attract investment into the technology sector",
                "speed up the shift to Industry 4.0", "boost exports of digital services"),
    "citizen_protection": ("protect citizens abroad", "shield the public from online scams",
                           "fight human trafficking that exploits the internet", "extend consular services through apps",
                           "keep migrant workers safe from online scam networks", "strengthen consumer protection online"),
    "digital_divide": ("narrow the digital divide between member states", "bring internet access to remote areas",
                       "make sure no one is left behind", "improve connectivity in border regions",
                       "advance digital inclusion for vulnerable groups",
                       "extend affordable broadband to underserved communities"),
    "platform_governance": ("get technology companies to share responsibility", "fight hoaxes and disinformation",
                            "strengthen content moderation on digital platforms", "tackle fake news ahead of elections",
                            "build better social media governance", "take down harmful content faster"),
    "capacity_building": ("build the capacity of diplomats in digital affairs", "expand cyber security training for officials",
                          "develop digital talent across the region", "raise digital literacy among citizens",
                          "prepare tech-savvy diplomats", "run joint capacity-building programmes"),
}

# tails a theme phrase may end with when the sentence ends after it (why or how)
THEME_TAIL_ID = ("agar manfaat teknologi dirasakan seluruh warga kawasan", "demi menjaga stabilitas dan keamanan kawasan",
                 "sesuai kebutuhan masing-masing negara anggota", "tanpa mengabaikan kedaulatan setiap negara",
                 "seiring pesatnya pertumbuhan pengguna internet di kawasan",
                 "melalui kemitraan antara pemerintah, akademisi, dan komunitas",
                 "dengan melibatkan generasi muda sebagai motor penggerak",
                 "dalam kerangka kerja sama yang saling menguntungkan")
THEME_TAIL_EN = ("so that the benefits of technology reach everyone in the region", "to keep the region stable and secure",
                 "in line with the needs of each member state", "while respecting the sovereignty of every country",
                 "as the number of internet users in the region keeps rising",
                 "through partnerships between governments, academia and communities",
                 "with young people as the driving force", "within a framework of mutually beneficial cooperation")

# stated themes of an event (Indonesian, English), quoted after `bertajuk` / `themed`
TAGLINES: tuple[tuple[str, str], ...] = (
    ("Membangun Kepercayaan di Ruang Digital", "Building Trust in the Digital Space"),
    ("Tantangan dan Peluang", "Challenges and Opportunities"),
    ("Bersama Menuju Kawasan Digital yang Aman", "Together Towards a Safe Digital Region"),
    ("Teknologi untuk Rakyat", "Technology for the People"),
    ("Terhubung, Aman, dan Inklusif", "Connected, Secure and Inclusive"),
    ("Diplomasi untuk Perdamaian", "Diplomacy for Peace"),
    ("Merajut Kerja Sama, Menjaga Kepercayaan", "Weaving Cooperation, Keeping Trust"),
    ("Tidak Ada yang Tertinggal", "Leaving No One Behind"),
)

# outcome documents: Indonesian, English ({city}, {topic}, {topic_id})
DOCS: tuple[tuple[str, str], ...] = (
    ("Deklarasi {city} tentang {topic_id}", "{city} Declaration on {topic}"),
    ("Pernyataan Bersama tentang {topic_id}", "Joint Statement on {topic}"),
    ("Rencana Aksi {city}", "{city} Plan of Action"),
    ("Pesan {city} tentang {topic_id}", "{city} Message on {topic}"),
    ("Kerangka Kerja Sama {topic_id}", "Framework for Cooperation on {topic}"),
    ("Peta Jalan {topic_id}", "Roadmap on {topic}"),
    ("Komunike Bersama {city}", "{city} Joint Communique"),
    ("Rencana Kerja {topic_id}", "Work Plan on {topic}"),
)

# outlets: name, lone domain line, dateline (Indonesian / English); {City} {CITY} placeholders
OUTLETS_ID: tuple[tuple[str, str, str], ...] = (
    ("antara", "antaranews.com", "{City} (ANTARA) - "),
    ("kompas", "kompas.com", "{CITY}, KOMPAS.com - "),
    ("detik", "detik.com", "{City} - "),
    ("tempo", "tempo.co", "TEMPO.CO, {City} - "),
    ("cnnindonesia", "cnnindonesia.com", "{City}, CNN Indonesia -- "),
    ("liputan6", "liputan6.com", "Liputan6.com, {City} - "),
    ("republika", "republika.co.id", "REPUBLIKA.CO.ID, {CITY} - "),
    ("mediaindonesia", "mediaindonesia.com", "{CITY} - "),
    ("tribunnews", "tribunnews.com", "TRIBUNNEWS.COM, {CITY} - "),
    ("sindonews", "sindonews.com", "{CITY} - "),
    ("kumparan", "kumparan.com", "{City} - "),
    ("idntimes", "idntimes.com", "{City}, IDN Times - "),
    ("merdeka", "merdeka.com", "Merdeka.com - "),
    ("infopublik", "infopublik.id", "{City}, InfoPublik - "),
    ("jpnn", "jpnn.com", "JPNN.com, {CITY} - "),
    ("suara", "suara.com", "Suara.com - "),
)
OUTLETS_EN: tuple[tuple[str, str, str], ...] = (
    ("antara_en", "en.antaranews.com", "{CITY} (ANTARA) - "),
    ("jakartapost", "thejakartapost.com", "{CITY} - "),
    ("jakartaglobe", "jakartaglobe.id", "{City} - "),
    ("bernama", "bernama.com", "{CITY} (Bernama) -- "),
    ("vna", "vietnamplus.vn", "{City} (VNA) - "),
    ("pna", "pna.gov.ph", "{CITY} (PNA) - "),
    ("xinhua", "xinhuanet.com", "{CITY} (Xinhua) -- "),
    ("thestar", "thestar.com.my", "{CITY}: "),
    ("bangkokpost", "bangkokpost.com", "{CITY} - "),
    ("khmertimes", "khmertimeskh.com", "{CITY} - "),
    ("cna", "channelnewsasia.com", "{CITY}: "),
    ("reuters", "reuters.com", "{CITY} (Reuters) - "),
)

ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")
ID_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
EN_MONTHS_AP = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ID_NUMBERS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
              "sebelas", "dua belas", "tiga belas")
EN_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen")

# --------------------------------------------------------------------------------------------------
# Sentence patterns. Slots: {event} the full name (first mention), {ref}/{Ref} a short reference,
# {kind} the meeting word, {place} where it met, {when} its date, {host} the host country, {n} how
# many countries, {countries} a list of them, {P} a person (titled on first mention), {own} that
# person's country, {theme} a theme phrase, {doc} an outcome document, {topic} the subject.
# --------------------------------------------------------------------------------------------------

LEAD_ID = (
    "{host_org} menggelar {event} di {place} {when}.",
    "{event} resmi dibuka di {place} {when}.",
    "Sebanyak {n} negara mengikuti {event} yang digelar di {place} {when}.",
    "{event} berlangsung di {place} {when} dengan {host} sebagai tuan rumah.",
    "{host} menjadi tuan rumah {event} yang diselenggarakan di {place} {when}.",
    "Delegasi dari {n} negara berkumpul di {place} untuk mengikuti {event} {when}.",
    "{event} digelar di {place} {when}, mempertemukan pejabat dan pakar dari {n} negara.",
    "Pemerintah {host} menyelenggarakan {event} di {place} {when}.",
    "Para pejabat tinggi dari {n} negara hadir dalam {event} di {place} {when}.",
    "Isu {topic_low} menjadi pokok bahasan {event} yang berlangsung di {place} {when}.",
    "{event} kembali digelar, kali ini di {place}, {when}.",
    "Sejumlah menteri dan diplomat berkumpul dalam {event} di {place} {when}.",
    "Bertempat di {place}, {event} dibuka {when}.",
    "{host_org} mengundang {n} negara ke {event} yang digelar di {place} {when}.",
    "Upaya memperkuat kerja sama {topic_low} dibahas dalam {event} di {place} {when}.",
    "Perwakilan {n} negara mengikuti {event} yang berlangsung di {place} {when}.",
)
LEAD_EN = (
    "{host_org} hosted the {event} in {place} {when}.",
    "Officials from {n} countries gathered in {place} {when} for the {event}.",
    "The {event} opened in {place} {when}.",
    "Delegates from {n} countries took part in the {event}, held in {place} {when}.",
    "The {event} was held in {place} {when}, with {host} as host.",
    "{Host} played host to the {event} in {place} {when}.",
    "Senior officials and experts met in {place} {when} at the {event}.",
    "The {event} got under way in {place} {when}.",
    "{Host} convened the {event} in {place} {when}, drawing delegations from {n} countries.",
    "{topic} was at the top of the agenda as the {event} took place in {place} {when}.",
    "Ministers and diplomats from across the region met in {place} {when} for the {event}.",
    "The {event} brought together representatives of {n} countries in {place} {when}.",
    "Government officials, academics and industry leaders joined the {event} in {place} {when}.",
    "The government of {host} organised the {event} in {place} {when}.",
    "Regional cooperation on {topic_low} was the focus of the {event}, which opened in {place} {when}.",
    "Representatives of {n} countries attended the {event} in {place} {when}.",
)

OPENING_ID = (
    "{P} membuka secara resmi {ref} dan menyampaikan sambutan.",
    "Dalam sambutannya, {P} menekankan pentingnya kerja sama untuk {theme}.",
    "{P} yang membuka {ref} mengatakan kawasan perlu bersatu untuk {theme}.",
    "Saat membuka {ref}, {P} mengajak negara peserta untuk {theme}.",
    "Pembukaan {ref} diisi pidato {P} tentang upaya {theme}.",
    "{P} menyatakan bahwa diplomasi harus bergerak seiring perkembangan teknologi.",
    "Menurut {P}, {ref} menjadi momentum untuk {theme}.",
    "{P} menegaskan komitmen {own} untuk {theme}.",
    "Membuka pertemuan, {P} mengingatkan bahwa tantangan di ruang siber tidak bisa dihadapi sendirian.",
    "{P} dalam pidato pembukaannya mendorong para peserta untuk {theme}.",
    "“Kita harus bekerja sama untuk {theme},” kata {P} saat membuka {ref}.",
    "{P} menilai {ref} sebagai langkah nyata untuk {theme}.",
    "Di hadapan para delegasi, {P} memaparkan strategi {own} untuk {theme}.",
    "{P} berharap {ref} dapat membantu negara-negara peserta {theme}.",
    "{Ref} dibuka oleh {P}, yang menyoroti perlunya langkah bersama untuk {theme}.",
    "Pertemuan dipimpin oleh {P}, yang dalam sambutannya mengajak semua pihak {theme}.",
)
OPENING_EN = (
    "{P} formally opened the {kind} with a keynote address.",
    "In opening remarks, {P} stressed the importance of working together to {theme}.",
    "Opening the {kind}, {P} said the region had to stand together to {theme}.",
    "{P} opened the {kind} and urged participating countries to {theme}.",
    "The opening session featured a speech by {P} on efforts to {theme}.",
    "{P} said diplomacy had to keep pace with the speed of technological change.",
    "According to {P}, the {kind} was a chance to {theme}.",
    "{P} reaffirmed the commitment of {own} to {theme}.",
    "Opening the meeting, {P} warned that threats in cyberspace could not be faced alone.",
    "In a keynote speech, {P} called on participants to {theme}.",
    "“We must work together to {theme},” {P} said at the opening of the {kind}.",
    "{P} described the {kind} as a concrete step to {theme}.",
    "Addressing the delegates, {P} outlined the strategy of {own} to {theme}.",
    "{P} expressed hope that the {kind} would help participating countries {theme}.",
    "The {kind} was opened by {P}, who highlighted the need for joint action to {theme}.",
    "The meeting was chaired by {P}, who urged all parties to {theme}.",
)

SPEAKER_ID = (
    "{P} mengatakan negaranya siap {theme}.",
    "“Kami ingin {theme},” ujar {P}.",
    "{P} menyampaikan bahwa {own} telah menyiapkan program untuk {theme}.",
    "Sementara itu, {P} menekankan perlunya {theme}.",
    "{P} menjelaskan bahwa {own} memandang penting upaya {theme}.",
    "Dalam sesi diskusi, {P} memaparkan pengalaman {own} dalam upaya {theme}.",
    "{P} mengusulkan agar negara-negara peserta bersama-sama {theme}.",
    "Senada dengan itu, {P} menilai kerja sama regional dibutuhkan untuk {theme}.",
    "Menurut {P}, teknologi digital dapat dimanfaatkan untuk {theme}.",
    "{P} turut hadir dan menyatakan dukungan {own} terhadap upaya {theme}.",
    "Pada sesi panel, {P} menyoroti pentingnya {theme}.",
    "{P} mengajak sektor swasta ikut {theme}.",
    "“Tidak ada negara yang bisa {theme} sendirian,” tutur {P}.",
    "{P} menambahkan, {own} akan terus {theme}.",
    "Adapun {P} menuturkan bahwa diplomasi digital harus mampu {theme}.",
    "{P} memaparkan langkah {own} untuk {theme}.",
)
SPEAKER_EN = (
    "{P} said {own} was ready to {theme}.",
    "“We want to {theme},” said {P}.",
    "{P} told delegates that {own} had set up programmes to {theme}.",
    "Meanwhile, {P} stressed the need to {theme}.",
    "{P} noted that {own} saw it as a priority to {theme}.",
    "Speaking on a panel, {P} described how {own} was working to {theme}.",
    "{P} proposed that participating countries work together to {theme}.",
    "{P} said regional cooperation was needed to {theme}.",
    "According to {P}, digital tools can be used to {theme}.",
    "{P} also attended and voiced the support of {own} for efforts to {theme}.",
    "In a panel session, {P} highlighted efforts to {theme}.",
    "{P} urged the private sector to help {theme}.",
    "“No country can {theme} on its own,” {P} said.",
    "{P} added that {own} would continue to {theme}.",
    "For {own}, {P} said, diplomacy in the digital age must {theme}.",
    "{P} outlined the plans of {own} to {theme}.",
)

QUOTE_ID = (
    "“Upaya {theme} adalah tanggung jawab kita bersama. Tidak ada negara yang bisa melakukannya sendiri,” kata {P}.",
    "“Kami datang ke {city} dengan satu tujuan, yaitu {theme},” ujar {P} kepada wartawan usai sesi pertama.",
    "“Dunia digital bergerak sangat cepat, dan diplomasi harus mampu {theme},” tutur {P}.",
    "“Kita perlu {theme}, dan itu hanya bisa dicapai jika pemerintah, dunia usaha, dan masyarakat sipil bergerak bersama,” tegas {P}.",
    "“Pengalaman {own} menunjukkan bahwa upaya {theme} membutuhkan kerja sama lintas negara,” kata {P}.",
    "{P} mengatakan, “Pertemuan ini penting karena memberi kita ruang untuk {theme} secara bersama-sama.”",
    "“Kami mengapresiasi {host} sebagai tuan rumah dan siap {theme},” ucap {P}.",
    "“Tantangan kita bukan hanya soal teknologi, tetapi juga bagaimana {theme},” ungkap {P}.",
    "“Ke depan, kami akan terus {theme} bersama negara-negara sahabat,” kata {P} dalam keterangan tertulis.",
    "“Tanpa kerja sama, mustahil kita bisa {theme},” ujar {P} di hadapan para peserta.",
    "“Kami membawa sejumlah usulan konkret untuk {theme},” kata {P}, yang hadir bersama delegasi {own}.",
    "“Kami percaya diplomasi digital dapat membantu kita {theme},” tutur {P}.",
    "“Semakin banyak warga terhubung ke internet, semakin besar pula kebutuhan untuk {theme},” kata {P}.",
    "“Ini bukan pekerjaan satu atau dua tahun. Kita harus konsisten {theme},” ujar {P}.",
    "“Kami ingin setiap negara peserta pulang dengan rencana nyata untuk {theme},” kata {P}.",
    "“Pertemuan seperti ini membantu kita saling belajar cara {theme},” ungkap {P}.",
)
QUOTE_EN = (
    "“Efforts to {theme} are a shared responsibility. No country can do it alone,” {P} said.",
    "“We came to {city} with one goal, which is to {theme},” {P} told reporters after the first session.",
    "“The digital world moves very fast, and diplomacy must be able to {theme},” said {P}.",
    "“We need to {theme}, and that can only happen if governments, business and civil society move together,” {P} said.",
    "“The experience of {own} shows that efforts to {theme} require cooperation across borders,” {P} said.",
    "{P} said: “This gathering matters because it gives us room to {theme} together.”",
    "“We thank {host} as host and stand ready to {theme},” said {P}.",
    "“Our challenge is not only technology but also how to {theme},” {P} said.",
    "“Going forward, we will continue to {theme} with our partners,” {P} said in a statement.",
    "“Without cooperation, we simply cannot {theme},” {P} told participants.",
    "“We have brought concrete proposals to {theme},” said {P}, who came with the delegation of {own}.",
    "“We believe digital diplomacy can help us {theme},” {P} said.",
    "“The more people go online, the greater the need to {theme},” said {P}.",
    "“This is not the work of one or two years. We must keep working to {theme},” {P} said.",
    "“We want every delegation to leave with a real plan to {theme},” {P} said.",
    "“Meetings like this help us learn from each other how to {theme},” {P} said.",
)

LIST_ID = (
    "Hadir sebagai pembicara antara lain {P} dan {P2}.",
    "Sejumlah tokoh turut hadir, di antaranya {P} dan {P2}.",
    "Narasumber dalam sesi tersebut antara lain {P} serta {P2}.",
    "Tampak hadir {P} dan {P2}.",
    "Diskusi panel menghadirkan {P} dan {P2} sebagai panelis.",
    "Pertemuan dipimpin bersama oleh {P} dan {P2}.",
    "Sesi pleno diisi oleh {P} dan {P2}.",
    "Turut berbicara dalam forum itu {P} dan {P2}.",
)
LIST_EN = (
    "Speakers included {P} and {P2}.",
    "Also in attendance were {P} and {P2}.",
    "The panellists included {P} and {P2}.",
    "The meeting was co-chaired by {P} and {P2}.",
    "{P} and {P2} addressed the plenary session.",
    "Among the speakers were {P} and {P2}.",
    "The discussion featured {P} and {P2}.",
    "{P} and {P2} also spoke at the {kind}.",
)

DELEGATION_ID = (
    "Pertemuan tersebut dihadiri delegasi dari {countries}.",
    "Delegasi {countries} turut hadir dalam {ref}.",
    "Peserta {ref} berasal dari {countries}.",
    "{Ref} diikuti oleh perwakilan {countries}.",
    "Selain {host}, negara yang mengirimkan delegasi adalah {others}.",
    "Hadir pula perwakilan pemerintah {countries}.",
    "Sebanyak {n} negara ambil bagian, yakni {countries}.",
    "Pertemuan ini melibatkan {countries}.",
    "Negara peserta meliputi {countries}.",
    "Para pejabat dari {countries} bergabung dalam diskusi.",
    "Delegasi yang hadir antara lain berasal dari {countries}.",
    "{Ref} mempertemukan perwakilan dari {countries}.",
    "Tercatat {n} negara mengirimkan delegasi, yaitu {countries}.",
    "Selain tuan rumah {host}, pertemuan itu diikuti {others}.",
    "Perwakilan {countries} tampak hadir sejak pagi.",
    "Negara-negara peserta adalah {countries}.",
)
DELEGATION_EN = (
    "The meeting was attended by delegations from {countries}.",
    "Delegates from {countries} took part.",
    "Participants came from {countries}.",
    "Representatives of {countries} attended the {kind}.",
    "Besides {host}, delegations came from {others}.",
    "Government officials from {countries} joined the discussions.",
    "{N} countries took part: {countries}.",
    "The {kind} brought together representatives of {countries}.",
    "Participating countries included {countries}.",
    "Officials from {countries} were in attendance.",
    "Delegations from {countries} attended the sessions.",
    "{Countries} sent delegations to the {kind}.",
    "Joining host {host} were delegates from {others}.",
    "Ministers and senior officials from {countries} participated.",
    "The {kind}, hosted by {host}, drew participants from {others}.",
    "Those taking part were {countries}.",
)

THEME_SENT_ID = (
    "Para peserta membahas cara {theme}.",
    "Diskusi juga menyinggung upaya {theme}.",
    "Salah satu agenda utama adalah {theme}.",
    "Negara-negara peserta menilai perlunya {theme}.",
    "Sesi kedua difokuskan pada strategi untuk {theme}.",
    "{Ref} juga menjadi ajang bertukar pengalaman dalam upaya {theme}.",
    "Isu lain yang mengemuka adalah bagaimana {theme}.",
    "Peserta menilai diplomasi digital dapat membantu {theme}.",
    "Pembahasan berlanjut dengan langkah konkret untuk {theme}.",
    "Dalam sesi diskusi panel, para pakar mengulas peluang untuk {theme}.",
    "Kerja sama antarnegara dinilai penting untuk {theme}.",
    "Peran masyarakat sipil dalam upaya {theme} juga dibahas.",
    "Hari kedua diisi sesi praktis tentang cara {theme}.",
    "Para delegasi juga bertukar praktik terbaik untuk {theme}.",
    "Berbagai inisiatif untuk {theme} dipaparkan dalam sesi tersebut.",
    "Para pakar mengingatkan bahwa pemerintah harus bergerak lebih cepat untuk {theme}.",
)
THEME_SENT_EN = (
    "Participants discussed ways to {theme}.",
    "The discussions also covered efforts to {theme}.",
    "A key item on the agenda was how to {theme}.",
    "Delegates stressed the need to {theme}.",
    "The second session focused on strategies to {theme}.",
    "The {kind} also served as a venue to share experience on how to {theme}.",
    "Another issue raised was how to {theme}.",
    "Participants said digital diplomacy could help {theme}.",
    "The discussion then turned to concrete steps to {theme}.",
    "In a panel discussion, experts looked at opportunities to {theme}.",
    "Cooperation between countries was seen as vital to {theme}.",
    "The role of civil society in helping to {theme} was also discussed.",
    "The second day was devoted to practical ways to {theme}.",
    "Delegations also exchanged best practices to {theme}.",
    "Several initiatives to {theme} were presented during the sessions.",
    "Experts warned that governments must move faster to {theme}.",
)

OUTCOME_ID = (
    "{Ref} ditutup dengan pengesahan {doc}.",
    "Para peserta menyepakati {doc} yang memuat komitmen bersama untuk {theme}.",
    "Pertemuan itu menghasilkan {doc}.",
    "Di akhir pertemuan, para delegasi mengadopsi {doc}.",
    "{Doc} ditandatangani oleh seluruh negara peserta.",
    "Negara-negara peserta sepakat mengeluarkan {doc}.",
    "Salah satu hasil {ref} adalah {doc}, yang menjadi rujukan kerja sama ke depan.",
    "{Ref} juga meluncurkan {doc}.",
    "Delegasi menyetujui {doc} sebagai panduan kerja sama.",
    "Kesepakatan yang dicapai dituangkan dalam {doc}.",
    "Pada hari terakhir, para menteri mengesahkan {doc}.",
    "{Doc} disahkan sebagai hasil akhir pertemuan.",
    "Pertemuan juga menyepakati pembentukan kelompok kerja untuk {theme}.",
    "Sebagai hasil konkret, negara peserta menandatangani {doc}.",
    "Para delegasi memutuskan menindaklanjuti {doc} melalui pertemuan pejabat senior.",
    "Hasil {ref} dirangkum dalam {doc}.",
)
OUTCOME_EN = (
    "The {kind} closed with the adoption of the {doc}.",
    "Participants agreed on the {doc}, which commits them to {theme}.",
    "The meeting produced the {doc}.",
    "At the end of the meeting, the delegations adopted the {doc}.",
    "The {doc} was signed by all participating countries.",
    "Participating countries agreed to issue the {doc}.",
    "One outcome of the {kind} was the {doc}, which will guide future cooperation.",
    "The {kind} also launched the {doc}.",
    "Delegates endorsed the {doc} as a guide for cooperation.",
    "The agreements reached were set out in the {doc}.",
    "On the final day, ministers adopted the {doc}.",
    "The {doc} was approved as the meeting's outcome document.",
    "The meeting also agreed to set up a working group to {theme}.",
    "As a concrete result, participating countries signed the {doc}.",
    "Delegates decided to follow up the {doc} through a senior officials' meeting.",
    "The results of the {kind} were summed up in the {doc}.",
)

FILLER_ID = (
    "Perkembangan teknologi informasi telah mengubah cara negara menjalankan diplomasi.",
    "Jumlah pengguna internet di Asia Tenggara terus meningkat setiap tahun.",
    "Ancaman di ruang siber kini semakin beragam dan bersifat lintas batas.",
    "Kawasan ini dinilai memiliki potensi ekonomi digital yang sangat besar.",
    "Diplomasi digital disebut sebagai salah satu prioritas kebijakan luar negeri.",
    "Penggunaan teknologi baru membawa peluang sekaligus tantangan bagi para diplomat.",
    "Kerja sama kawasan di bidang digital terus berkembang dalam beberapa tahun terakhir.",
    "Sejumlah negara telah membentuk unit khusus untuk menangani isu siber.",
    "Pertukaran informasi antarnegara dinilai kunci dalam menghadapi ancaman lintas batas.",
    "Para pengamat menilai pertemuan semacam ini penting untuk membangun rasa saling percaya.",
    "Kementerian terkait juga melibatkan akademisi dan komunitas teknologi dalam persiapannya.",
    "Isu keamanan data pribadi menjadi perhatian banyak negara di kawasan.",
    "Transformasi digital dipercepat oleh meningkatnya kebutuhan layanan publik berbasis internet.",
    "Negara-negara di kawasan memiliki tingkat kesiapan digital yang berbeda-beda.",
    "Sejak awal, diplomasi digital dirancang untuk menjangkau publik yang lebih luas.",
    "Panitia menyiapkan sejumlah sesi diskusi yang terbuka bagi media.",
)
FILLER_EN = (
    "Information technology has changed the way countries conduct diplomacy.",
    "The number of internet users in Southeast Asia keeps growing every year.",
    "Threats in cyberspace have become more varied and increasingly cross borders.",
    "The region is seen as having huge potential for its digital economy.",
    "Digital diplomacy has been named one of the priorities of foreign policy.",
    "New technology brings both opportunities and challenges for diplomats.",
    "Regional cooperation on digital issues has grown steadily in recent years.",
    "Several countries have set up special units to deal with cyber issues.",
    "Sharing information between countries is seen as key to facing cross-border threats.",
    "Observers say gatherings of this kind help build mutual trust.",
    "The organisers also involved academics and the tech community in the preparations.",
    "The security of personal data has become a concern for many countries in the region.",
    "Digital transformation has been sped up by growing demand for public services delivered over the internet.",
    "Countries in the region are at very different stages of digital readiness.",
    "From the outset, digital diplomacy was meant to reach a wider public.",
    "The organisers arranged several discussion sessions that were open to the media.",
)

REFERENCE_ID = (
    "{Ref} merupakan kelanjutan dari pertemuan serupa di {other_city} pada {prev_month_id} {prev_year}.",
    "Pertemuan sebelumnya digelar di {other_city} pada {prev_year}.",
    "{Ref} tahun depan dijadwalkan berlangsung di {other_city}.",
    "Forum serupa tahun lalu diadakan di {other_city}.",
)
REFERENCE_EN = (
    "The {kind} follows up on a similar meeting held in {other_city} in {prev_month_en} {prev_year}.",
    "The previous meeting took place in {other_city} in {prev_year}.",
    "Next year's meeting is scheduled for {other_city}.",
    "A similar forum was held last year in {other_city}.",
)

TITLE_ID = (
    "{host} Gelar {short}, {n} Negara Hadir",
    "{n} Negara Bahas {topic_id} di {city}",
    "{short} Resmi Dibuka di {city}",
    "Delegasi {n} Negara Hadiri {short} di {city}",
    "Kerja Sama {topic_id} Diperkuat Lewat {short}",
    "{city} Jadi Tuan Rumah {short}",
    "{surname} Ajak Negara Kawasan Bersatu soal {topic_id}",
    "{short} Hasilkan Kesepakatan Baru soal {topic_id}",
    "Negara ASEAN dan Mitra Bahas {topic_id} di {city}",
    "{topic_id} Jadi Sorotan dalam {short}",
    "{surname}: Kerja Sama {topic_id} Tak Bisa Ditunda",
    "Diplomat {n} Negara Berkumpul di {city}",
    "{host} Dorong Kerja Sama {topic_id} di {short}",
    "Pemerintah Kawasan Satukan Langkah soal {topic_id}",
    "{short} di {city} Soroti Tantangan {topic_id}",
    "Hari Pertama {short}, Delegasi Paparkan Program Nasional",
)
TITLE_EN = (
    "{host_en} hosts {short} on {topic_low}",
    "{n} countries meet in {city} to discuss {topic_low}",
    "{short} opens in {city}",
    "Delegates from {n} countries attend {short}",
    "{surname} calls for closer cooperation on {topic_low}",
    "{city} meeting puts {topic_low} on regional agenda",
    "Region steps up cooperation on {topic_low} at {short}",
    "{short} ends with new commitments on {topic_low}",
    "ASEAN and partners discuss {topic_low} in {city}",
    "Diplomats weigh {topic_low} at {city} gathering",
    "{surname} urges region to act together on {topic_low}",
    "Officials from {n} countries gather in {city}",
    "{host_en} pushes {topic_low} cooperation at {short}",
    "Regional governments join forces on {topic_low}",
    "{short} in {city} tackles {topic_low}",
    "First day of {short} focuses on {topic_low}",
)

OPINION_TITLES_ID = ("Opini: Diplomasi Digital dan Tantangan Kita", "Opini: Saatnya Diplomat Melek Teknologi",
                     "Tajuk: Ruang Siber Butuh Aturan Bersama", "Menimbang Arah Diplomasi Digital Indonesia",
                     "Kolom: Hoaks, Platform, dan Negara", "Catatan tentang Diplomasi di Era Media Sosial")
OPINION_TITLES_EN = ("Opinion: Digital diplomacy needs more than hashtags", "Commentary: Why ASEAN must get cyber right",
                     "Editorial: The region's scam problem", "Rethinking diplomacy for the platform age")
OPINION_ID = (
    "Diplomasi digital bukan lagi pilihan, melainkan keharusan bagi setiap kementerian luar negeri.",
    "Sayangnya, banyak lembaga pemerintah masih memperlakukan media sosial sekadar papan pengumuman.",
    "Penulis berpendapat bahwa kesenjangan digital di kawasan masih menjadi pekerjaan rumah besar.",
    "Hoaks dan disinformasi menyebar lebih cepat daripada klarifikasi resmi.",
    "Di sisi lain, perusahaan teknologi kerap enggan berbagi tanggung jawab atas konten di platform mereka.",
    "Negara-negara di kawasan perlu menyusun aturan bersama yang jelas tentang ruang siber.",
    "Pelatihan bagi diplomat muda seharusnya memasukkan literasi digital sebagai materi wajib.",
    "Penipuan daring yang menjerat pekerja migran menunjukkan betapa rapuhnya perlindungan warga kita.",
    "Pertanyaannya, apakah birokrasi kita cukup lincah untuk mengikuti perubahan ini?",
    "Tanpa kepercayaan publik, diplomasi digital hanya akan menjadi slogan.",
    "Ekonomi digital kawasan memang tumbuh pesat, tetapi manfaatnya belum merata.",
    "Pada akhirnya, teknologi hanyalah alat; yang menentukan adalah cara kita memakainya.",
)
OPINION_EN = (
    "Digital diplomacy is no longer optional for any foreign ministry.",
    "Too many government agencies still treat social media as a notice board.",
    "The digital divide across the region remains a serious unfinished task.",
    "Hoaxes and disinformation travel faster than official corrections ever will.",
    "Technology companies, for their part, are often reluctant to share responsibility for content.",
    "Countries in the region need clear common rules for cyberspace.",
    "Training for young diplomats should treat digital literacy as a core skill.",
    "Online scams that trap migrant workers show how thin the protection of citizens still is.",
    "The question is whether our bureaucracies are nimble enough to keep up.",
    "Without public trust, digital diplomacy is just a slogan.",
    "The region's digital economy is booming, but its gains are unevenly shared.",
    "In the end, technology is only a tool; what matters is how it is used.",
)
READ_ALSO = ("Baca juga: Harga Cabai Naik Jelang Akhir Pekan", "Baca juga: Timnas U-23 Fokus Hadapi Laga Penentuan",
             "Baca juga: Cuaca Ekstrem Diprediksi Landa Sejumlah Wilayah", "Baca juga: Tips Aman Belanja Daring")
CORRECTIONS_ID = ("Artikel ini telah diperbarui untuk melengkapi keterangan narasumber.",
                  "Berita ini disadur dari siaran pers panitia penyelenggara.",
                  "Keterangan: artikel ini pertama kali terbit di kanal internasional.")
CORRECTIONS_EN = ("This story has been updated with additional comments.",
                  "This article was first published on the outlet's regional page.",
                  "Additional reporting by the regional desk.")

# --------------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------------

FIRST_DAY, LAST_DAY = date(2010, 1, 1), date(2026, 12, 31)
N_DAYS = (LAST_DAY - FIRST_DAY).days + 1


@dataclass(frozen=True)
class Person:
    """An invented attendee: a name, the country they speak for and their office."""
    name: str
    iso3: str
    title_id: str
    title_en: str
    title_after_en: str


@dataclass
class Event:
    """One invented event and everything its reports may say about it."""
    name_en: str
    name_id: str
    acronym: str | None
    kind: tuple[str, str, str, str]
    topic: tuple[str, str, tuple[str, ...]]
    start: date
    end: date
    city: str
    host: str
    countries: list[str]
    people: list[Person]
    themes: list[str]
    doc: tuple[str, str] | None
    venue: str | None
    all_asean: bool
    other_city: str
    tagline: tuple[str, str] | None
    opener: Person = field(init=False)

    def __post_init__(self) -> None:
        self.opener = self.people[0]


def _ordinal_en(k: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def _acronym(name_en: str) -> str:
    """Initials of a name's capitalised words (`Regional Conference on Digital Diplomacy` -> `RCDD`)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name_en) if w[:1].isupper())


def _names(rng: random.Random, kind: tuple, topic: tuple, partner: tuple) -> tuple[str, str, str | None]:
    """English and Indonesian names of an event (with an ordinal sometimes) and its acronym or None."""
    scope_en, scope_id = rng.choice(SCOPES)
    scope_en, scope_id = scope_en.format(p=partner[0]), scope_id.format(pid=partner[1])
    ordinal = rng.randint(1, 15) if rng.random() < 0.35 else None
    name_en = f"{scope_en} {kind[0]} on {topic[0]}"
    about = rng.choice(("tentang", "tentang", "mengenai"))
    name_id = f"{kind[1]} {scope_id} {about} {topic[1]}"
    acronym = _acronym(name_en) if rng.random() < 0.65 else None
    if ordinal:
        name_en = f"{_ordinal_en(ordinal)} {name_en}"
        name_id = f"{kind[1]} {scope_id} ke-{ordinal} {about} {topic[1]}"
    return name_en, name_id, acronym


def _person(rng: random.Random, iso3: str, host: bool = False) -> Person:
    """An invented official of the country, named from its naming tradition, with an office (a
    minister's or a director general's when the country hosts)."""
    firsts, lasts = NAMES.get(iso3, NAMES["WEST"])
    name = f"{rng.choice(firsts)}{'-' if iso3 == 'KOR' else ' '}{rng.choice(lasts)}"
    cen, cid, dem = COUNTRIES[iso3]
    if iso3 == "IDN":
        title_id, title_en, after = rng.choice(OFFICES_IDN[:7] if host else OFFICES_IDN)
    else:
        offices = OFFICES[:2] + OFFICES[4:7] if host else OFFICES
        title_id, title_en, after = (t.format(cid=cid, cen=cen, dem=dem) for t in rng.choice(offices))
        after = after.replace("s's ", "s' ")   # the Philippines' foreign minister
    return Person(name, iso3, title_id, title_en, after)


def _event_people(rng: random.Random, host: str, countries: list[str]) -> list[Person]:
    """Two to six attendees: first the host's official who opens it, then officials of other countries."""
    others = [c for c in countries if c != host]
    picks = [host] + rng.sample(others, min(len(others), rng.randint(1, 5)))
    people, names = [], set()
    for iso3 in picks:
        p = _person(rng, iso3, host=iso3 == host and not people)
        if p.name not in names and not any(p.name.split()[-1] == n.split()[-1] for n in names):
            people.append(p)
            names.add(p.name)
    return people


def _countries(rng: random.Random, host: str, partner_iso3: str | None) -> tuple[list[str], bool]:
    """3-12 participating countries with the host first, and whether all ten ASEAN members took part."""
    if rng.random() < 0.15:
        partners = rng.sample([p for p in PARTNERS if p != host], rng.randint(0, 2))
        chosen = list(ASEAN) + partners + ([host] if host not in ASEAN else [])
        return [host] + [c for c in dict.fromkeys(chosen) if c != host], True
    k = rng.randint(3, 12)
    pool = [c for c in ASEAN + PARTNERS if c not in (host, partner_iso3)]
    weights = [3 if c in ASEAN else 1 for c in pool]
    picked: list[str] = []
    while len(picked) < k - 1 - (partner_iso3 is not None and partner_iso3 != host):
        c = rng.choices(pool, weights)[0]
        if c not in picked:
            picked.append(c)
    extra = [partner_iso3] if partner_iso3 and partner_iso3 != host else []
    return [host] + extra + picked, False


# Indonesian words the pipeline's merge reads as their English counterparts (data_prep/data/
# name_synonyms.csv), so that two events' names can be compared the way it compares them.
NAME_SYNONYMS = {
    "internasional": "international", "konferensi": "conference", "pertemuan": "meeting", "diplomasi": "diplomacy",
    "tentang": "on", "mengenai": "on", "terorisme": "terrorism", "penanggulangan": "counter", "menteri": "ministers",
    "sub-kawasan": "sub-regional", "kawasan": "regional", "lokakarya": "workshop", "dialog": "dialogue",
    "siber": "cyber", "kebijakan": "policy", "informasi": "information", "keamanan": "security",
    "simposium": "symposium", "kerja": "cooperation", "rapat": "meeting",
}
NAME_SIMILAR = 0.4   # the pipeline merges names from a Jaccard overlap of 0.5; keep a margin below it
MAX_SPAN = 2         # an event lasts at most three days


def name_key(name: str) -> frozenset[str]:
    """A name's words as the pipeline's merge compares them (English function words dropped first)."""
    words = re.findall(r"[\w'’-]+", name.lower())
    return frozenset(NAME_SYNONYMS.get(w, w) for w in words if w not in {"on", "of", "the", "for", "and"})


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= NAME_SIMILAR * len(a | b)


@dataclass(frozen=True)
class Booking:
    """What the calendar keeps of an event: what the pipeline's merge would compare."""
    acronym: str | None
    keys: tuple[frozenset[str], frozenset[str]]
    city: str
    kind: str


class Calendar:
    """Which events stand near each day, so that distinct events within a day of each other never
    look alike to the pipeline's merging (same acronym, similar names, or same city and kind)."""

    def __init__(self) -> None:
        self.by_day: dict[int, list[Booking]] = {}

    def pick_day(self, rng: random.Random) -> int:
        """A random day, kept apart from other events while the calendar is still sparse."""
        for _ in range(30):
            day = rng.randrange(N_DAYS)
            if len(self.by_day) > N_DAYS // 8 or not any(d in self.by_day for d in range(day - 4, day + 5)):
                return day
        return day

    def clashes(self, day: int, span: int, new: Booking) -> bool:
        """Whether an event whose days lie within a day of these shares the acronym, a similar name
        (in either language), or the city and kind."""
        for d in range(day - 1 - MAX_SPAN, day + span + 2):
            for old in self.by_day.get(d, ()):
                if new.acronym and new.acronym == old.acronym:
                    return True
                if any(_similar(a, b) for a in new.keys for b in old.keys):
                    return True
                if new.city == old.city and (new.kind == old.kind or abs(d - day) <= 1):
                    return True
        return False

    def add(self, day: int, booking: Booking) -> None:
        self.by_day.setdefault(day, []).append(booking)


def make_event(rng: random.Random, calendar: Calendar) -> Event:
    """A new event unlike any other event near its days."""
    day = calendar.pick_day(rng)
    for _ in range(100):
        kind, topic = rng.choice(KINDS), rng.choice(TOPICS)
        partner = rng.choice(SCOPE_PARTNERS)
        name_en, name_id, acronym = _names(rng, kind, topic, partner)
        city, host = rng.choice(CITIES)
        span = rng.choice((0, 0, 0, 1, 1, MAX_SPAN))
        booking = Booking(acronym, (name_key(name_en), name_key(name_id)), city, kind[0])
        if not calendar.clashes(day, span, booking):
            break
        day = rng.randrange(N_DAYS)
    calendar.add(day, booking)
    start = FIRST_DAY + timedelta(days=day)
    end = start + timedelta(days=span)
    if end.month != start.month or end > LAST_DAY:
        end = start
    partner_iso3 = partner[2] if partner[0] in name_en else None
    countries, all_asean = _countries(rng, host, partner_iso3)
    themes = list(dict.fromkeys(list(topic[2]) + rng.sample(THEMES, rng.randint(0, 2))))
    doc = None
    if rng.random() < 0.6:
        doc_id, doc_en = rng.choice(DOCS)
        doc = (doc_id.format(city=CITY_ID.get(city, city), topic_id=topic[1]),
               doc_en.format(city=city, topic=topic[0]))
    other_city = rng.choice([c for c, _ in CITIES if c != city])
    return Event(name_en, name_id, acronym, kind, topic, start, end, city, host, countries,
                 _event_people(rng, host, countries), themes, doc,
                 rng.choice(VENUES) if rng.random() < 0.3 else None, all_asean, other_city,
                 rng.choice(TAGLINES) if rng.random() < 0.4 else None)


# --------------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------------


@dataclass
class Draft:
    """An article before it is joined into text, so a near duplicate can change one part."""
    header: list[str]
    title: str
    meta: list[str]
    dateline: str
    paragraphs: list[str]
    tail: list[str]

    def text(self) -> str:
        """The article as a file's text: blocks separated by blank lines."""
        body = list(self.paragraphs)
        body[0] = self.dateline + body[0]
        return "\n\n".join(self.header + [self.title] + self.meta + body + self.tail) + "\n"


class Writer:
    """Writes one article about an event in one language, keeping track of who was named already."""

    def __init__(self, rng: random.Random, ev: Event, lang: str, yearless: bool) -> None:
        self.rng, self.ev, self.lang, self.yearless = rng, ev, lang, yearless
        self.named: set[str] = set()
        self.published = ev.end + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
        self.has_meta = not yearless and rng.random() < 0.75   # a publication line with the date
        self.use_acronym = ev.acronym is not None and rng.random() < 0.85
        self.english_name = lang == "en" or rng.random() < 0.3   # Indonesian reports often keep the English name
        self.themes_left = [t for t in ev.themes]
        rng.shuffle(self.themes_left)

    # ---- slots

    def event_full(self) -> str:
        """The event's full name as the article first gives it, with its acronym in brackets."""
        name = self.ev.name_en if self.english_name else self.ev.name_id
        name = f"{name} ({self.ev.acronym})" if self.use_acronym else name
        if self.ev.tagline and self.rng.random() < 0.5:
            tag_id, tag_en = self.ev.tagline
            name += f" bertajuk “{tag_id}”" if self.lang == "id" else f", themed “{tag_en}”,"
        return name

    def ref(self) -> str:
        """A short reference to the event: its acronym, or `konferensi tersebut` / `the conference`."""
        if self.use_acronym:
            return self.ev.acronym
        if self.lang == "id":
            return f"{self.ev.kind[2]} {self.rng.choice(('tersebut', 'itu', 'ini'))}"
        return f"the {self.ev.kind[3]}"

    def country(self, iso3: str) -> str:
        """The country's name in the article's language."""
        en, id_, _ = COUNTRIES[iso3]
        return id_ if self.lang == "id" else en

    def join(self, items: list[str]) -> str:
        """`A, B, dan C` / `A, B and C`."""
        if len(items) == 1:
            return items[0]
        last = " dan " if self.lang == "id" else self.rng.choice((" and ", ", and "))
        if len(items) == 2:
            last = last.replace(",", "")
        return ", ".join(items[:-1]) + last + items[-1]

    def countries_phrase(self, exclude_host: bool = False) -> str:
        """The participating countries named in one list (most of them, the host first unless left out)."""
        ev = self.ev
        listed = [c for c in ev.countries if not (exclude_host and c == ev.host)]
        if ev.all_asean and self.rng.random() < 0.6:
            partners = [self.country(c) for c in listed if c not in ASEAN]
            if self.lang == "id":
                group = self.rng.choice(("10 negara anggota ASEAN", "seluruh negara anggota ASEAN",
                                         "sepuluh negara anggota ASEAN"))
                return group + (f" ditambah {self.join(partners)}" if partners else "")
            group = self.rng.choice(("the ten ASEAN member states", "all 10 ASEAN members", "all ten ASEAN member states"))
            return group + (f" as well as {self.join(partners)}" if partners else "")
        keep = [c for c in listed if c == ev.host or self.rng.random() < 0.85] or listed
        if self.rng.random() < 0.5:
            self.rng.shuffle(keep)
        return self.join([self.country(c) for c in keep])

    def person(self, p: Person, titled: bool = False) -> str:
        """A person: with title on first mention (before or after the name) or when `titled`, by name
        afterwards."""
        if p.name in self.named and not titled:
            return p.name if self.lang == "id" or self.rng.random() < 0.5 else p.name.split()[-1]
        self.named.add(p.name)
        if self.lang == "id":
            return f"{p.title_id} {p.name}" if self.rng.random() < 0.75 else f"{p.name}, {p.title_id},"
        return f"{p.title_en} {p.name}" if self.rng.random() < 0.6 else f"{p.name}, {p.title_after_en},"

    def theme(self, tail: bool = False) -> str:
        """A theme phrase (now and then two), going through the event's themes before repeating one."""
        if not self.themes_left:
            self.themes_left = list(self.ev.themes)
            self.rng.shuffle(self.themes_left)
        phrases = THEME_ID if self.lang == "id" else THEME_EN
        first = self.rng.choice(phrases[self.themes_left.pop()])
        if self.rng.random() < 0.5:   # two aims in one breath, as speakers often put it
            second = self.rng.choice(phrases[self.rng.choice(self.ev.themes)])
            if second != first:
                first = f"{first} {'serta' if self.lang == 'id' else 'and'} {second}"
        if tail and self.rng.random() < 0.6:
            first += " " + self.rng.choice(THEME_TAIL_ID if self.lang == "id" else THEME_TAIL_EN)
        return first

    def when(self) -> str:
        """The event's date as the lead gives it: a weekday with a numeric date, a written date, a range."""
        s, e, rng = self.ev.start, self.ev.end, self.rng
        if self.lang == "id":
            wd, mon = ID_DAYS[s.weekday()], ID_MONTHS[s.month - 1]
            if self.yearless:
                return f"pada {wd} ({s.day}/{s.month})"
            forms = [f"pada {wd} ({s.day}/{s.month}/{s.year})", f"pada {s.day} {mon} {s.year}",
                     f"pada {wd}, {s.day} {mon} {s.year}", f", {wd} ({s.day}/{s.month}/{s.year})"]
            if e > s:
                forms += [f"pada {s.day}-{e.day} {mon} {s.year}", f"pada {s.day} hingga {e.day} {mon} {s.year}"] * 2
            return rng.choice(forms)
        wd, mon, ap = EN_DAYS[s.weekday()], EN_MONTHS[s.month - 1], EN_MONTHS_AP[s.month - 1]
        if self.yearless:
            return f"on {mon} {s.day}"
        forms = [f"on {wd} ({ap} {s.day}, {s.year})", f"on {mon} {s.day}, {s.year}", f"on {s.day} {mon} {s.year}",
                 f"on {wd}, {mon} {s.day}, {s.year}"]
        if e > s:
            forms += [f"from {s.day} to {e.day} {mon} {s.year}", f"on {mon} {s.day}-{e.day}, {s.year}"] * 2
        elif self.has_meta and (self.published - s).days <= 2:
            forms += [f"on {wd}"]   # only the publication line says which week
        return rng.choice(forms)

    def base_slots(self) -> dict[str, str]:
        """The slots every pattern may use, with small choices (host wording, number in words) redrawn
        for each sentence so that reports of one event do not repeat each other."""
        ev, lang = self.ev, self.lang
        host = self.country(ev.host)
        city = CITY_ID.get(ev.city, ev.city) if lang == "id" else ev.city
        place = city
        if ev.venue:
            place = f"{ev.venue}, {city}" if lang == "id" else f"{city}, at the {ev.venue},"
        if lang == "id":
            host_org = ("Kementerian Luar Negeri RI" if ev.host == "IDN"
                        else f"Kementerian Luar Negeri {host}") if self.rng.random() < 0.6 else f"Pemerintah {host}"
        else:
            host_org = f"{host[0].upper()}{host[1:]}'s foreign ministry" if self.rng.random() < 0.5 \
                else f"The government of {host}"
        n = len(ev.countries)
        numbers = ID_NUMBERS if lang == "id" else EN_NUMBERS
        n_text = numbers[n] if n < len(numbers) and self.rng.random() < 0.5 else str(n)
        topic = ev.topic[1] if lang == "id" else ev.topic[0]
        ref = self.ref()
        other_city = CITY_ID.get(ev.other_city, ev.other_city) if lang == "id" else ev.other_city
        return {"host": host, "Host": host[0].upper() + host[1:], "host_org": host_org, "place": place,
                "city": city, "n": n_text, "N": n_text[0].upper() + n_text[1:], "topic": topic,
                "topic_low": topic.lower(), "kind": ev.kind[2] if lang == "id" else ev.kind[3],
                "ref": ref, "Ref": ref[0].upper() + ref[1:], "other_city": other_city,
                "prev_year": str(ev.start.year - 1), "prev_month_id": ID_MONTHS[(ev.start.month + 4) % 12],
                "prev_month_en": EN_MONTHS[(ev.start.month + 4) % 12]}

    def fill(self, template: str, **extra: str) -> str:
        """A pattern filled in, with the sentence's own choices (theme, person) drawn only when used."""
        slots = self.base_slots()
        slots.update(extra)
        if "{theme}" in template:
            slots["theme"] = self.theme(tail=bool(re.search(r"\{theme\}(?:\.|,”)", template)))
        if "{P}" in template and "P" not in slots:
            p = self.rng.choice(self.ev.people)
            slots["P"], slots["own"] = self.person(p), self.country(p.iso3)
        if "{countries}" in template or "{Countries}" in template or "{others}" in template:
            c = self.countries_phrase()
            slots["countries"], slots["Countries"] = c, c[0].upper() + c[1:]
            slots["others"] = self.countries_phrase(exclude_host=True)
        if "{doc}" in template or "{Doc}" in template:
            doc = self.ev.doc[0] if self.lang == "id" else self.ev.doc[1]
            slots["doc"], slots["Doc"] = doc, doc
        return _tidy(template.format_map(slots))

    # ---- sentences

    def pick(self, id_templates: tuple[str, ...], en_templates: tuple[str, ...]) -> str:
        """A random pattern of the article's language."""
        return self.rng.choice(id_templates if self.lang == "id" else en_templates)

    def lead(self) -> str:
        """The first sentence: the event's full name, where and when it met."""
        return self.fill(self.pick(LEAD_ID, LEAD_EN), event=self.event_full(), when=self.when())

    def opening(self) -> str:
        """The host's official opening or chairing the event (the pipeline's host-by-opener cue)."""
        p = self.ev.opener
        return self.fill(self.pick(OPENING_ID, OPENING_EN), P=self.person(p), own=self.country(p.iso3))

    def speaker(self) -> str:
        """A guest official saying something about one of the event's themes."""
        p = self.rng.choice(self.ev.people[1:] or self.ev.people)
        return self.fill(self.pick(SPEAKER_ID, SPEAKER_EN), P=self.person(p), own=self.country(p.iso3))

    def quote(self) -> str:
        """A quoted remark, longer than a reported one, as real reports have."""
        p = self.rng.choice(self.ev.people)
        return self.fill(self.pick(QUOTE_ID, QUOTE_EN), P=self.person(p), own=self.country(p.iso3))

    def listing(self) -> str:
        """Two attendees named together; a co-chair pair always includes the host's official."""
        template = self.pick(LIST_ID, LIST_EN)
        a, b = self.rng.sample(self.ev.people, 2)
        chairs = "chair" in template or "dipimpin" in template
        if chairs:   # co-chairs are named with their offices
            a, b = self.ev.opener, self.rng.choice(self.ev.people[1:])
        return self.fill(template, P=self.person(a, chairs), P2=self.person(b, chairs))

    def delegation(self) -> str:
        """The participating countries, listed or as a counted group."""
        return self.fill(self.pick(DELEGATION_ID, DELEGATION_EN))

    def theme_sentence(self) -> str:
        """What was discussed, with no speaker."""
        return self.fill(self.pick(THEME_SENT_ID, THEME_SENT_EN))

    def outcome(self) -> str:
        """What the event adopted or agreed (an outcome document when it has one)."""
        templates = [t for t in (OUTCOME_ID if self.lang == "id" else OUTCOME_EN) if self.ev.doc or "oc}" not in t]
        return self.fill(self.rng.choice(templates))

    def fillers(self, k: int) -> list[str]:
        """k different background sentences."""
        return self.rng.sample(FILLER_ID if self.lang == "id" else FILLER_EN, k)

    def reference(self) -> str:
        """Another meeting of the series, earlier or planned: a city and date the pipeline must not take."""
        return self.fill(self.pick(REFERENCE_ID, REFERENCE_EN))

    def body(self) -> list[str]:
        """5-15 sentences: the lead, then the opening, delegations, speakers, themes and outcome in a
        varied order, padded with background sentences."""
        rng = self.rng
        total = round(rng.triangular(5, 15, 13))
        middle = [self.opening, self.delegation] + [self.speaker] * rng.randint(1, 3) \
            + [self.quote] * rng.randint(1, 3) + [self.theme_sentence] * rng.randint(1, 3)
        if len(self.ev.people) >= 2 and rng.random() < 0.5:
            middle.append(self.listing)
        if rng.random() < 0.7:
            middle.append(self.outcome)
        if not self.yearless and rng.random() < 0.25:
            middle.append(self.reference)
        rng.shuffle(middle)
        if rng.random() < 0.7:   # the delegations are usually named early
            middle.remove(self.delegation)
            middle.insert(rng.randint(0, 1), self.delegation)
        sentences = [self.lead()] + [make() for make in middle[:total - 1]]
        for filler in self.fillers(max(0, total - len(sentences))):
            sentences.insert(rng.randint(1, len(sentences)), filler)
        return sentences

    def title(self) -> str:
        """The headline: short, without a full stop, naming the event by acronym or kind and topic."""
        ev, lang = self.ev, self.lang
        short = ev.acronym if ev.acronym and self.use_acronym else (
            f"{ev.kind[1]} {ev.topic[1]}" if lang == "id" else f"{ev.kind[0]} on {ev.topic[0]}")
        n = len(ev.countries)
        slots = {"host": self.country(ev.host), "short": short, "n": str(n), "topic_id": ev.topic[1],
                 "city": CITY_ID.get(ev.city, ev.city) if lang == "id" else ev.city,
                 "surname": ev.opener.name.split()[-1], "topic_low": ev.topic[0].lower(),
                 "host_en": COUNTRIES[ev.host][0].removeprefix("the ")}
        title = self.pick(TITLE_ID, TITLE_EN).format_map(slots)
        return title[0].upper() + title[1:]


def _tidy(sentence: str) -> str:
    """Punctuation where slots meet (`Name, Title,.` -> `Name, Title.`, `Bali, , Senin` -> `Bali, Senin`)."""
    sentence = re.sub(r",([.,:;])", r"\1", sentence.replace(" ,", ","))
    return sentence[0].upper() + sentence[1:]


def _journalist(rng: random.Random) -> str:
    """A reporter's or editor's name (bylines are metadata, never attendees)."""
    firsts, lasts = NAMES["IDN"]
    return f"{rng.choice(firsts)} {rng.choice(lasts)}"


def _meta_line(rng: random.Random, w: Writer, outlet: tuple[str, str, str]) -> list[str]:
    """A byline or publication line with the publication date, or none (then the text's dates must do)."""
    if not w.has_meta:
        return []
    d, hh, mm = w.published, rng.randint(6, 22), rng.randint(0, 59)
    if w.lang == "id":
        wd, mon = ID_DAYS[d.weekday()], ID_MONTHS[d.month - 1]
        forms = (f"Penulis: {_journalist(rng)} | {wd}, {d.day} {mon} {d.year} | {hh:02d}:{mm:02d} WIB",
                 f"Reporter: {_journalist(rng)} | {wd}, {d.day} {mon} {d.year} - {hh:02d}:{mm:02d} WIB",
                 f"{wd}, {d.day:02d} {mon} {d.year} - {hh:02d}:{mm:02d} WIB",
                 f"{outlet[1].capitalize()} - {d.day:02d}/{d.month:02d}/{d.year}, {hh:02d}:{mm:02d} WIB",
                 f"{d.day} {mon} {d.year} {hh:02d}:{mm:02d}")
    else:
        wd, mon, ap = EN_DAYS[d.weekday()], EN_MONTHS[d.month - 1], EN_MONTHS_AP[d.month - 1]
        forms = (f"Published on {d.day} {ap} {d.year}", f"Posted on {mon} {d.day}, {d.year}",
                 f"{wd}, {mon} {d.day}, {d.year} - {hh:02d}:{mm:02d}",
                 f"By {_journalist(rng)} | {mon} {d.day}, {d.year}",
                 f"{wd}, {d.day} {mon} {d.year} {hh:02d}:{mm:02d}")
    return [rng.choice(forms)]


def _dateline(rng: random.Random, ev: Event, lang: str, outlet: tuple[str, str, str]) -> str:
    """`Jakarta (ANTARA) - `: the outlet's dateline, from the event's city or now and then Jakarta."""
    city = "Jakarta" if lang == "id" and not ev.venue and rng.random() < 0.15 else ev.city
    city = CITY_ID.get(city, city) if lang == "id" else city
    return outlet[2].format(City=city, CITY=city.upper())


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    """Sentences grouped into paragraphs of one to three; the lead paragraph has two (a short lead
    paragraph with a weekday date would read as a publication line)."""
    out, i = [], 0
    while i < len(sentences):
        k = 2 if i == 0 else rng.choice((1, 1, 2, 2, 3))
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def article_draft(rng: random.Random, ev: Event, lang: str, yearless: bool = False) -> Draft:
    """One report of the event in one language, from a random outlet."""
    outlet = rng.choice(OUTLETS_ID if lang == "id" else OUTLETS_EN)
    w = Writer(rng, ev, lang, yearless)
    header = [outlet[1]] if rng.random() < 0.3 else []
    body = _paragraphs(rng, w.body())
    tail = []
    if lang == "id" and rng.random() < 0.25:
        body.insert(rng.randint(1, len(body)), rng.choice(READ_ALSO))
    if rng.random() < 0.4:
        tail.append(f"Editor: {_journalist(rng)}")
    elif lang == "id" and rng.random() < 0.5:
        tail.append(f"({rng.choice(('ant', 'dps', 'rfa', 'yb', 'hen'))}/{rng.choice(('ndr', 'hen', 'rfa', 'mdk'))})")
    return Draft(header, w.title(), _meta_line(rng, w, outlet), _dateline(rng, ev, lang, outlet), body, tail)


def near_duplicate(rng: random.Random, draft: Draft, ev: Event, lang: str) -> Draft:
    """The same report as carried by another outlet: another header and dateline, one line changed."""
    outlets = OUTLETS_ID if lang == "id" else OUTLETS_EN
    outlet = rng.choice(outlets)
    paragraphs = list(draft.paragraphs)
    note = rng.choice(CORRECTIONS_ID if lang == "id" else CORRECTIONS_EN)
    if len(paragraphs) > 2 and rng.random() < 0.5:
        paragraphs[-1] = note
    else:
        paragraphs.append(note)
    return Draft([outlet[1]], draft.title, draft.meta, _dateline(rng, ev, lang, outlet), paragraphs, draft.tail)


def opinion_draft(rng: random.Random) -> Draft:
    """An opinion piece about digital diplomacy that reports no meeting (the pipeline must reject it)."""
    lang = "id" if rng.random() < 0.7 else "en"
    title = rng.choice(OPINION_TITLES_ID if lang == "id" else OPINION_TITLES_EN)
    sentences = rng.sample(OPINION_ID if lang == "id" else OPINION_EN, rng.randint(6, 10))
    by = f"Oleh: {_journalist(rng)}" if lang == "id" else f"By {_journalist(rng)}"
    return Draft([], title, [by], "", _paragraphs(rng, sentences), [])


def article_texts(n: int, seed: int = 0, articles_per_event: int = 3) -> Iterator[tuple[str, str]]:
    """(file name, text) pairs, deterministic for a seed; what write_corpus writes."""
    rng = random.Random(seed)
    calendar = Calendar()
    written, seen = 0, set()
    while written < n:
        ev = make_event(rng, calendar)
        items = []
        for _ in range(rng.randint(1, max(1, 2 * articles_per_event - 1))):
            lang = "id" if rng.random() < 0.7 else "en"
            draft = article_draft(rng, ev, lang, yearless=rng.random() < 0.015)
            items.append((lang, draft))
            if rng.random() < 0.02:
                items.append((lang + "_dup", near_duplicate(rng, draft, ev, lang)))
            if rng.random() < 0.03:
                items.append(("opinion", opinion_draft(rng)))
        for label, draft in items:
            text = draft.text()
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
            if digest in seen or written >= n:
                continue
            seen.add(digest)
            yield f"{written:06d}_{label}.txt", text
            written += 1


def write_corpus(folder: Path, n: int, seed: int = 0, articles_per_event: int = 3) -> int:
    """Write n distinct article files (.txt) into folder; returns the number written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in article_texts(n, seed, articles_per_event):
        (folder / name).write_text(text, encoding="utf-8")
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    """Command line: write N articles into FOLDER and print how many."""
    parser = argparse.ArgumentParser(description="Write a seeded synthetic corpus of news articles.")
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("folder", type=Path, help="where to write them (created if missing)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles-per-event", type=int, default=3)
    args = parser.parse_args(argv)
    count = write_corpus(args.folder, args.n, args.seed, args.articles_per_event)
    print(f"{count} files written to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
