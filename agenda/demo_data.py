"""Demo programme for `manage.py load_demo`: four editions of the WIC Wuzhen Summit.

Plain data only. Facts (editions, dates, themes, named people and organisations, sub-forum topics,
organisers of the 2017 sharing-economy and fintech sub-forums) come from the reports summarised in
SUMMIT.md. Exact times, rooms, the speakers of each session and most sub-forum titles are invented
for the demo; such rows carry `is_sample` (sessions are sample data unless they say otherwise).

Conventions:
- Catalogues (VENUES, TOPICS, ORGANISATIONS, PEOPLE) describe each thing once; an edition lists the
  slugs it uses, and the loader creates one row per edition, because every model belongs to an edition.
- An edition's `organisations` and `people` are those the reports place in that edition;
  `sample_organisations` and `sample_people` are placed there for the demo (saved with is_sample=True).
- Session times are local times (the edition's time zone) on `day`; `room` is a room slug, or `venue`
  a venue slug for a whole-venue session such as a lunch break.
- `speakers` and `organisers` are kept in order (their list position is saved as `position`).
- `items` is a session's run-of-show; an item has `minutes` (duration) and/or `start` (local "HH:MM").
- `expos` (the Light of the Internet Expo of an edition): `venue` is a venue slug, `halls` are kept in
  order, and each exhibit names its `exhibitor` (an organisation slug of the edition), `category` (an
  ExhibitCategory value), `hall` (a hall slug or None) and `booth`. Exhibits are sample data unless they
  say `"is_sample": False`: the reports name exhibits, rarely their exhibitor and never a hall or booth.
  `pictures` is how many sample pictures the loader draws for the exhibit (agenda/sample_pictures.py).
- `awards`: `ceremony` is a session slug of the edition (or None), `categories` are kept in order, and
  `honourees` in order (their list position is saved as `position`), each with a `person` or an
  `organisation` slug, an optional `category` slug, `case_title` and `citation`. Honourees have no
  is_sample field: an invented honouree's citation begins with "Sample entry:".
"""

SUMMIT = {
    "slug": "wic",
    "name": "World Internet Conference Wuzhen Summit",
    "short_name": "wic",
}

WUZHEN_ADDRESS = "Wuzhen, Tongxiang, Zhejiang, China"

VENUES = [
    {
        "slug": "convention-center",
        "name": "Wuzhen International Internet Exhibition & Convention Center",
        "address": WUZHEN_ADDRESS,
        "rooms": [
            {"slug": "main-hall", "name": "Main Conference Hall", "floor": "1F", "capacity": 1200, "position": 1},
            {"slug": "forum-hall-a", "name": "Forum Hall A", "floor": "1F", "capacity": 400, "position": 2},
            {"slug": "forum-hall-b", "name": "Forum Hall B", "floor": "1F", "capacity": 400, "position": 3},
            {"slug": "forum-hall-c", "name": "Forum Hall C", "floor": "2F", "capacity": 300, "position": 4},
            {"slug": "meeting-room-1", "name": "Meeting Room 1", "floor": "2F", "capacity": 200, "position": 5},
            {"slug": "meeting-room-2", "name": "Meeting Room 2", "floor": "2F", "capacity": 200, "position": 6},
        ],
    },
    {
        "slug": "expo-center",
        "name": "Light of Internet Expo Center",
        "address": WUZHEN_ADDRESS,
        "rooms": [
            {"slug": "expo-forum-stage", "name": "Expo Forum Stage", "floor": "1F", "capacity": 300, "position": 7},
        ],
    },
    {
        "slug": "science-museum",
        "name": "World Internet Science and Technology Museum",
        "address": WUZHEN_ADDRESS,
        "rooms": [
            {
                "slug": "museum-lecture-hall",
                "name": "Museum Lecture Hall",
                "floor": "B1",
                "capacity": 180,
                "position": 8,
            },
        ],
    },
]

TOPICS = [
    {"slug": "artificial-intelligence", "name": "Artificial intelligence", "colour": "#8250df"},
    {"slug": "digital-development", "name": "Digital development and cooperation", "colour": "#1f6feb"},
    {"slug": "digital-economy", "name": "Digital economy", "colour": "#0a7ea4"},
    {"slug": "green-development", "name": "Digital and green development", "colour": "#2da44e"},
    {"slug": "data-governance", "name": "Data governance", "colour": "#bf3989"},
    {"slug": "infrastructure", "name": "Digital infrastructure", "colour": "#e36209"},
    {"slug": "cybersecurity", "name": "Cybersecurity", "colour": "#cf222e"},
    {"slug": "youth", "name": "Youth and digital future", "colour": "#d4a72c"},
    {"slug": "cyberspace-governance", "name": "Cyberspace governance", "colour": "#57606a"},
    {"slug": "internet-and-society", "name": "Internet and society", "colour": "#9a6700"},
    {"slug": "frontier-technology", "name": "Cutting-edge technology", "colour": "#6639ba"},
    {"slug": "communication-cooperation", "name": "Communication and cooperation", "colour": "#1b7c83"},
]

ORGANISATIONS = [
    # Organisers and supporters of the summit.
    {"slug": "wic", "name": "World Internet Conference", "kind": "international", "country": "CN"},
    {
        "slug": "zhejiang-government",
        "name": "People's Government of Zhejiang Province",
        "kind": "government",
        "country": "CN",
    },
    {
        "slug": "un-desa",
        "name": "United Nations Department of Economic and Social Affairs",
        "kind": "international",
        "country": "",
    },
    {"slug": "undp", "name": "United Nations Development Programme", "kind": "international", "country": ""},
    {"slug": "wipo", "name": "World Intellectual Property Organization", "kind": "international", "country": ""},
    {"slug": "itu", "name": "International Telecommunication Union", "kind": "international", "country": ""},
    {"slug": "unesco", "name": "UNESCO", "kind": "international", "country": ""},
    {"slug": "gsma", "name": "GSMA", "kind": "international", "country": "GB"},
    {"slug": "wef", "name": "World Economic Forum", "kind": "international", "country": "CH"},
    # Companies.
    {"slug": "alibaba-group", "name": "Alibaba Group", "kind": "company", "country": "CN"},
    {"slug": "ant-group", "name": "Ant Group", "kind": "company", "country": "CN"},
    {"slug": "baidu", "name": "Baidu", "kind": "company", "country": "CN"},
    {"slug": "tencent", "name": "Tencent", "kind": "company", "country": "CN"},
    {"slug": "huawei", "name": "Huawei", "kind": "company", "country": "CN"},
    {"slug": "jd", "name": "JD.com", "kind": "company", "country": "CN"},
    {"slug": "kuaishou", "name": "Kuaishou", "kind": "company", "country": "CN"},
    {"slug": "360-security-group", "name": "360 Security Group", "kind": "company", "country": "CN"},
    {"slug": "didi-chuxing", "name": "Didi Chuxing", "kind": "company", "country": "CN"},
    {"slug": "china-telecom", "name": "China Telecom", "kind": "company", "country": "CN"},
    {"slug": "china-unicom", "name": "China Unicom", "kind": "company", "country": "CN"},
    {"slug": "yuanbiancheng", "name": "Yuanbiancheng", "kind": "company", "country": "CN"},
    {"slug": "cisco", "name": "Cisco Systems", "kind": "company", "country": "US"},
    {"slug": "ibm", "name": "IBM", "kind": "company", "country": "US"},
    {"slug": "microsoft", "name": "Microsoft", "kind": "company", "country": "US"},
    {"slug": "qualcomm", "name": "Qualcomm", "kind": "company", "country": "US"},
    {"slug": "facebook", "name": "Facebook", "kind": "company", "country": "US"},
    {"slug": "kaspersky", "name": "Kaspersky", "kind": "company", "country": "RU"},
    {"slug": "infosys", "name": "Infosys", "kind": "company", "country": "IN"},
    # Government bodies and media.
    {"slug": "state-information-center", "name": "State Information Center", "kind": "government", "country": "CN"},
    {"slug": "peoples-bank-of-china", "name": "People's Bank of China", "kind": "government", "country": "CN"},
    {"slug": "xinhua", "name": "Xinhua News Agency", "kind": "media", "country": "CN"},
    # Think tanks, universities and associations.
    {
        "slug": "cas-institute-of-automation",
        "name": "Institute of Automation, Chinese Academy of Sciences",
        "kind": "academia",
        "country": "CN",
    },
    {
        "slug": "cac-studies",
        "name": "Chinese Academy of Cyberspace Studies",
        "kind": "think_tank",
        "country": "CN",
    },
    {
        "slug": "ccg",
        "name": "Center for China and Globalization",
        "kind": "think_tank",
        "country": "CN",
    },
    {
        "slug": "cufe",
        "name": "Central University of Finance and Economics",
        "kind": "academia",
        "country": "CN",
    },
    {"slug": "tsinghua-university", "name": "Tsinghua University", "kind": "academia", "country": "CN"},
    {
        "slug": "kaist",
        "name": "Korea Advanced Institute of Science and Technology (KAIST)",
        "kind": "academia",
        "country": "KR",
    },
    {
        "slug": "sant-anna-school",
        "name": "Sant'Anna School of Advanced Studies, Pisa",
        "kind": "academia",
        "country": "IT",
    },
    {"slug": "ipv6-forum", "name": "IPv6 Forum", "kind": "other", "country": ""},
    {"slug": "china-eu", "name": "China-EU", "kind": "other", "country": "BE"},
    {
        "slug": "idsa",
        "name": "International Data Spaces Association",
        "kind": "other",
        "country": "DE",
    },
    {"slug": "internet-society-of-china", "name": "Internet Society of China", "kind": "other", "country": "CN"},
    {
        "slug": "thornton-china-center",
        "name": "John L. Thornton China Center, Brookings Institution",
        "kind": "think_tank",
        "country": "US",
    },
    {
        "slug": "hoover-institution",
        "name": "Hoover Institution, Stanford University",
        "kind": "think_tank",
        "country": "US",
    },
    {
        "slug": "ncuscr",
        "name": "National Committee on US-China Relations",
        "kind": "think_tank",
        "country": "US",
    },
    # Organisations of the 2023 Outstanding Cases (those not listed above).
    {
        "slug": "national-library-of-china",
        "name": "National Library of China (China National Center for Preservation & Conservation of Ancient Books)",
        "kind": "government",
        "country": "CN",
    },
    {
        "slug": "mct-international-exchanges",
        "name": "Bureau of International Exchanges and Cooperation, Ministry of Culture and Tourism, P. R. China",
        "kind": "government",
        "country": "CN",
    },
    {"slug": "china-unicom-global", "name": "China Unicom Global Limited", "kind": "company", "country": "HK"},
    {"slug": "domaintools", "name": "DomainTools", "kind": "company", "country": "US"},
    {"slug": "dbappsecurity", "name": "Hangzhou DBAPPSecurity Co., Ltd.", "kind": "company", "country": "CN"},
    {
        "slug": "smart-city-expo-world-congress",
        "name": "Smart City Expo World Congress",
        "kind": "other",
        "country": "ES",
    },
    {
        "slug": "steinbeis-global-institute",
        "name": "Steinbeis Global Institute Tübingen",
        "kind": "academia",
        "country": "DE",
    },
    {
        "slug": "unesco-ichei",
        "name": "International Center for Higher Education Innovation under the auspices of UNESCO",
        "kind": "international",
        "country": "CN",
    },
    # Exhibitors at the Light of the Internet Expo (those not listed above).
    {"slug": "ant-financial", "name": "Ant Financial", "kind": "company", "country": "CN"},
    {"slug": "unitree-robotics", "name": "Unitree Robotics", "kind": "company", "country": "CN"},
    {"slug": "boe", "name": "BOE Technology Group", "kind": "company", "country": "CN"},
    {"slug": "dunhuang-academy", "name": "Dunhuang Academy", "kind": "academia", "country": "CN"},
]

PEOPLE = [
    {
        "slug": "ren-xianliang",
        "name": "Ren Xianliang",
        "title": "Secretary-General",
        "organisation": "wic",
        "country": "CN",
    },
    {
        "slug": "francis-gurry",
        "name": "Francis Gurry",
        "title": "Vice-Chair",
        "organisation": "wic",
        "country": "AU",
        "bio": (
            "Former Director-General of the World Intellectual Property Organization; honorary dean of the "
            "Shanghai International College of Intellectual Property, Tongji University."
        ),
    },
    {
        "slug": "wang-haifeng",
        "name": "Wang Haifeng",
        "title": "Chief Technology Officer",
        "organisation": "baidu",
        "country": "CN",
    },
    {"slug": "robin-li", "name": "Robin Li", "title": "Chairman", "organisation": "baidu", "country": "CN"},
    {
        "slug": "wu-yongming",
        "name": "Wu Yongming",
        "title": "Chief Executive Officer",
        "organisation": "alibaba-group",
        "country": "CN",
    },
    {
        "slug": "guo-kaitian",
        "name": "Guo Kaitian",
        "title": "Senior Vice-President",
        "organisation": "tencent",
        "country": "CN",
    },
    {"slug": "yang-yuanxi", "name": "Yang Yuanxi", "title": "Co-founder", "organisation": "kuaishou", "country": "CN"},
    {
        "slug": "zhou-hongyi",
        "name": "Zhou Hongyi",
        "title": "Founder",
        "organisation": "360-security-group",
        "country": "CN",
    },
    {
        "slug": "zeng-yi",
        "name": "Zeng Yi",
        "title": "Director, Artificial Intelligence Ethics and Governance Research Center",
        "organisation": "cas-institute-of-automation",
        "country": "CN",
    },
    {
        "slug": "kilnam-chon",
        "name": "Kilnam Chon",
        "title": "Honorary Professor",
        "organisation": "kaist",
        "country": "KR",
        "bio": "Known as the “father of the internet in South Korea”.",
    },
    {"slug": "john-hoffman", "name": "John Hoffman", "title": "Chief Executive Officer", "organisation": "gsma"},
    {"slug": "latif-ladid", "name": "Latif Ladid", "title": "Founder and President", "organisation": "ipv6-forum"},
    {
        "slug": "tomas-lamanauskas",
        "name": "Tomas Lamanauskas",
        "title": "Deputy Secretary-General",
        "organisation": "itu",
        "country": "LT",
    },
    {
        "slug": "luigi-gambardella",
        "name": "Luigi Gambardella",
        "title": "President",
        "organisation": "china-eu",
        "country": "IT",
    },
    {
        "slug": "antonio-frisoli",
        "name": "Antonio Frisoli",
        "title": "Professor of Robotics",
        "organisation": "sant-anna-school",
        "country": "IT",
        "bio": "Vice-CEO of Next Generation Robotics.",
    },
    {
        "slug": "moksh-jawa",
        "name": "Moksh Jawa",
        "title": "Schwarzman Scholar; WIC Global Youth Leader",
        "organisation": "tsinghua-university",
    },
    {
        "slug": "raneem-zaitoun",
        "name": "Raneem Zaitoun",
        "title": "WIC Global Youth Leader",
        "organisation": None,
        "bio": "Has worked for Microsoft and in start-up ecosystems in Canada and other countries.",
    },
    {
        "slug": "thorsten-hulsmann",
        "name": "Thorsten Hülsmann",
        "title": "Managing Director",
        "organisation": "idsa",
        "country": "DE",
    },
    {"slug": "li-yi", "name": "Li Yi", "title": "Founder", "organisation": "yuanbiancheng", "country": "CN"},
    {"slug": "xuan-xingzhang", "name": "Xuan Xingzhang", "title": "Official", "organisation": "cac-studies"},
    {
        "slug": "ouyang-rihui",
        "name": "Ouyang Rihui",
        "title": "Professor of Digital Economics, Chinese Internet Economy Research Institute",
        "organisation": "cufe",
        "country": "CN",
    },
    {"slug": "andy-mok", "name": "Andy Mok", "title": "Senior Research Fellow", "organisation": "ccg"},
    {
        "slug": "li-cheng",
        "name": "Li Cheng",
        "title": "Director, John L. Thornton China Center",
        "organisation": "thornton-china-center",
    },
    {
        "slug": "niall-ferguson",
        "name": "Niall Ferguson",
        "title": "Senior Fellow",
        "organisation": "hoover-institution",
        "country": "GB",
    },
    {
        "slug": "stephen-a-orlins",
        "name": "Stephen A. Orlins",
        "title": "President",
        "organisation": "ncuscr",
        "country": "US",
    },
]

# ---------------------------------------------------------------------------------------------------
# 2017: the 4th World Internet Conference
# ---------------------------------------------------------------------------------------------------

EXPO_2017 = {
    "slug": "light-of-the-internet-expo",
    "name": "Light of the Internet Expo",
    "venue": "expo-center",
    "start_date": "2017-12-03",
    "end_date": "2017-12-05",
    "description": (
        "The expo of the 4th World Internet Conference, with Alibaba's unmanned supermarket, smart robots and "
        "quantum communication devices. Smile to Pay by Ant Financial and the delivery drones and driverless "
        "vehicles of JD, shown at the 2016 expo, are placed here for the demo. Dates, halls and booths are "
        "sample data."
    ),
    "halls": [
        {"slug": "hall-1", "name": "Hall 1: Frontier technology"},
        {"slug": "hall-2", "name": "Hall 2: Digital economy"},
        {"slug": "hall-3", "name": "Hall 3: Smart logistics"},
    ],
    "exhibits": [
        {
            "slug": "unmanned-supermarket",
            "title": "Unmanned supermarket",
            "exhibitor": "alibaba-group",
            "category": "digital_economy",
            "hall": None,
            "booth": "",
            "featured": True,
            "is_sample": False,
            "pictures": 2,
            "description": (
                "A shop without cashiers: visitors pick up what they want and walk out, and the payment is made "
                "automatically. One of the highlights reported at the 2017 expo; its hall and booth are not "
                "reported."
            ),
        },
        {
            "slug": "smart-robots",
            "title": "Smart robots",
            "exhibitor": "cas-institute-of-automation",
            "category": "robotics",
            "hall": "hall-1",
            "booth": "A-03",
            "pictures": 1,
            "description": (
                "Service robots that talk with visitors, recognise faces and answer questions. Smart robots are "
                "reported at the 2017 expo; the exhibitor, hall and booth are sample data."
            ),
        },
        {
            "slug": "quantum-communication-devices",
            "title": "Quantum communication devices",
            "exhibitor": "china-telecom",
            "category": "quantum",
            "hall": "hall-1",
            "booth": "A-08",
            "pictures": 1,
            "description": (
                "Equipment for quantum key distribution, which makes any eavesdropping on a link detectable. "
                "Reported at the 2017 expo; the exhibitor, hall and booth are sample data."
            ),
        },
        {
            "slug": "smile-to-pay",
            "title": "Smile to Pay",
            "exhibitor": "ant-financial",
            "category": "digital_economy",
            "hall": "hall-2",
            "booth": "B-02",
            "featured": True,
            "pictures": 2,
            "description": (
                "Payment by facial recognition: the customer smiles at a camera instead of showing a phone or a "
                "card. Shown by Ant Financial at the 2016 expo and placed in 2017 for the demo, with a sample "
                "hall and booth."
            ),
        },
        {
            "slug": "delivery-drones",
            "title": "Delivery drones",
            "exhibitor": "jd",
            "category": "mobility",
            "hall": "hall-3",
            "booth": "C-01",
            "pictures": 1,
            "description": (
                "Drones that carry parcels to villages far from good roads. Shown by JD at the 2016 expo and "
                "placed in 2017 for the demo, with a sample hall and booth."
            ),
        },
        {
            "slug": "driverless-delivery-vehicles",
            "title": "Driverless delivery vehicles",
            "exhibitor": "jd",
            "category": "mobility",
            "hall": "hall-3",
            "booth": "C-02",
            "pictures": 1,
            "description": (
                "Small self-driving vehicles for the last kilometre of parcel delivery. Shown by JD at the 2016 "
                "expo and placed in 2017 for the demo, with a sample hall and booth."
            ),
        },
    ],
}

EDITION_2017 = {
    "slug": "2017",
    "year": 2017,
    "ordinal": "4th",
    "name": "2017 World Internet Conference Wuzhen Summit",
    "theme": (
        "Developing e-Commerce and Improving Sharing in the Digital Economy – Building a Common Destiny in Cyberspace"
    ),
    "start_date": "2017-12-03",
    "end_date": "2017-12-05",
    "is_current": False,
    "description": (
        "The 4th World Internet Conference, expected to bring together up to 1,500 internet innovators and "
        "scholars from around the globe. The programme covers the digital economy, cutting-edge technology, "
        "internet and society, cyberspace governance, and communication and cooperation, with sub-forums on "
        "artificial intelligence, the sharing economy, internet-driven poverty alleviation and fintech. "
        "Baidu, Alibaba, Tencent, Microsoft, Cisco and Facebook confirmed their attendance; UN DESA and the "
        "World Economic Forum take part. The Light of Internet Expo shows Alibaba's unmanned supermarket, "
        "smart robots and quantum communication devices."
    ),
    "venues": ["convention-center", "expo-center"],
    "topics": [
        "digital-economy",
        "frontier-technology",
        "internet-and-society",
        "cyberspace-governance",
        "communication-cooperation",
    ],
    "organisations": [
        "zhejiang-government",
        "un-desa",
        "undp",
        "wef",
        "baidu",
        "alibaba-group",
        "tencent",
        "microsoft",
        "cisco",
        "facebook",
        "didi-chuxing",
        "state-information-center",
        "peoples-bank-of-china",
        "xinhua",
        "thornton-china-center",
        "hoover-institution",
        "ncuscr",
    ],
    "sample_organisations": ["cas-institute-of-automation", "china-telecom", "jd", "ant-financial"],
    "people": ["li-cheng", "niall-ferguson", "stephen-a-orlins"],
    "sample_people": [],
    "sessions": [
        {
            "slug": "opening-ceremony",
            "kind": "opening_ceremony",
            "title": "Opening ceremony",
            "room": "main-hall",
            "day": "2017-12-03",
            "start": "09:00",
            "end": "10:00",
            "topic": "communication-cooperation",
            "description": "Opening of the 4th World Internet Conference.",
            "organisers": [{"organisation": "zhejiang-government", "role": "host"}],
        },
        {
            "slug": "plenary-session",
            "kind": "plenary",
            "title": "Plenary session",
            "room": "main-hall",
            "day": "2017-12-03",
            "start": "10:15",
            "end": "12:00",
            "topic": "communication-cooperation",
            "description": (
                "Keynote speeches by Li Cheng (John L. Thornton China Center), Niall Ferguson (Hoover "
                "Institution, Stanford University) and Stephen A. Orlins (National Committee on US-China "
                "Relations)."
            ),
            "speakers": [
                {"person": "li-cheng", "role": "keynote"},
                {"person": "niall-ferguson", "role": "keynote"},
                {"person": "stephen-a-orlins", "role": "keynote"},
            ],
        },
        {
            "slug": "lunch-break-dec-3",
            "kind": "break",
            "title": "Lunch break",
            "venue": "convention-center",
            "day": "2017-12-03",
            "start": "12:00",
            "end": "13:30",
        },
        {
            "slug": "artificial-intelligence",
            "kind": "sub_forum",
            "title": "Sub-forum: Artificial Intelligence",
            "room": "forum-hall-a",
            "day": "2017-12-03",
            "start": "14:00",
            "end": "17:30",
            "topic": "frontier-technology",
            "capacity": 350,
            "description": (
                "Artificial intelligence, a field of rapid development with heavy investment by major technology firms."
            ),
            "organisers": [
                {"organisation": "baidu", "role": "co_organiser"},
                {"organisation": "microsoft", "role": "co_organiser"},
            ],
        },
        {
            "slug": "sharing-economy",
            "kind": "sub_forum",
            "title": "Sub-forum: The Sharing Economy",
            "room": "forum-hall-b",
            "day": "2017-12-03",
            "start": "14:00",
            "end": "17:30",
            "topic": "digital-economy",
            "capacity": 300,
            "description": (
                "The sharing economy in China, from bicycle sharing to umbrella sharing. Organised by the United "
                "Nations Development Programme and the State Information Center, co-organised by Didi Chuxing."
            ),
            "organisers": [
                {"organisation": "undp", "role": "organiser"},
                {"organisation": "state-information-center", "role": "organiser"},
                {"organisation": "didi-chuxing", "role": "co_organiser"},
            ],
        },
        {
            "slug": "lunch-break-dec-4",
            "kind": "break",
            "title": "Lunch break",
            "venue": "convention-center",
            "day": "2017-12-04",
            "start": "12:00",
            "end": "13:30",
        },
        {
            "slug": "poverty-alleviation",
            "kind": "sub_forum",
            "title": "Sub-forum: Internet-driven Poverty Alleviation",
            "room": "forum-hall-a",
            "day": "2017-12-04",
            "start": "09:00",
            "end": "12:00",
            "topic": "internet-and-society",
            "capacity": 300,
            "description": (
                "Internet-driven poverty alleviation, including databases of poor households with information on "
                "government assistance in housing and medical care."
            ),
        },
        {
            "slug": "fintech",
            "kind": "sub_forum",
            "title": "Sub-forum: Fintech",
            "room": "forum-hall-b",
            "day": "2017-12-04",
            "start": "09:00",
            "end": "12:00",
            "topic": "digital-economy",
            "capacity": 300,
            "description": (
                "How financial technology can better serve the real economy. Sponsored by the People's Bank of "
                "China and Xinhua News Agency."
            ),
            "organisers": [
                {"organisation": "peoples-bank-of-china", "role": "sponsor"},
                {"organisation": "xinhua", "role": "sponsor"},
            ],
        },
        {
            "slug": "cyberspace-governance",
            "kind": "sub_forum",
            "title": "Sub-forum: Cyberspace Governance",
            "room": "forum-hall-a",
            "day": "2017-12-04",
            "start": "14:00",
            "end": "17:30",
            "topic": "cyberspace-governance",
            "capacity": 300,
            "description": "International cooperation on the governance of cyberspace.",
            "organisers": [{"organisation": "un-desa", "role": "supporter"}],
        },
        {
            "slug": "digital-economy",
            "kind": "sub_forum",
            "title": "Sub-forum: Developing e-Commerce in the Digital Economy",
            "room": "forum-hall-b",
            "day": "2017-12-04",
            "start": "14:00",
            "end": "17:30",
            "topic": "digital-economy",
            "capacity": 300,
            "description": "E-commerce, inclusion of the poor and international cooperation in the digital economy.",
            "organisers": [
                {"organisation": "alibaba-group", "role": "co_organiser"},
                {"organisation": "wef", "role": "supporter"},
            ],
        },
        {
            "slug": "closing-session",
            "kind": "plenary",
            "title": "Closing session",
            "room": "main-hall",
            "day": "2017-12-05",
            "start": "10:00",
            "end": "11:30",
            "topic": "communication-cooperation",
            "description": "Closing session of the 4th World Internet Conference.",
        },
    ],
    "expos": [EXPO_2017],
    "awards": [],
}

# ---------------------------------------------------------------------------------------------------
# 2022
# ---------------------------------------------------------------------------------------------------

EDITION_2022 = {
    "slug": "2022",
    "year": 2022,
    "ordinal": "",
    "name": "2022 World Internet Conference Wuzhen Summit",
    "theme": "A digital future for cyberspace with a shared future",
    "start_date": "2022-11-09",
    "end_date": "2022-11-11",
    "is_current": False,
    "description": (
        "The first Wuzhen Summit since the World Internet Conference became an international organisation in "
        "July 2022. Nobel and Turing laureates attend, with executives from Kaspersky, Infosys, Baidu, Alibaba "
        "and Huawei. Two reports on internet development are released at the summit: one on China's and one on "
        "the world's."
    ),
    "venues": ["convention-center", "expo-center"],
    "topics": ["digital-economy", "frontier-technology", "cybersecurity", "cyberspace-governance"],
    "organisations": ["wic", "zhejiang-government", "kaspersky", "infosys", "baidu", "alibaba-group", "huawei"],
    "sample_organisations": ["cac-studies"],
    "people": [],
    "sample_people": ["ren-xianliang"],
    "sessions": [
        {
            "slug": "opening-ceremony",
            "kind": "opening_ceremony",
            "title": "Opening ceremony",
            "room": "main-hall",
            "day": "2022-11-09",
            "start": "09:00",
            "end": "10:00",
            "topic": "cyberspace-governance",
            "description": "Opening of the first Wuzhen Summit held by the WIC as an international organisation.",
            "organisers": [
                {"organisation": "wic", "role": "host"},
                {"organisation": "zhejiang-government", "role": "host"},
            ],
            "speakers": [{"person": "ren-xianliang", "role": "host"}],
        },
        {
            "slug": "plenary-session",
            "kind": "plenary",
            "title": "Plenary session and release of the internet development reports",
            "room": "main-hall",
            "day": "2022-11-09",
            "start": "10:15",
            "end": "12:00",
            "topic": "cyberspace-governance",
            "description": (
                "Release of two status reports on the development of the internet, one on China and one on the world."
            ),
            "organisers": [{"organisation": "cac-studies", "role": "organiser"}],
            "items": [
                {"title": "Opening remarks", "minutes": 10, "speakers": ["ren-xianliang"]},
                {"title": "Keynote speeches", "minutes": 50},
                {"title": "Release of the report: China's internet development", "minutes": 20},
                {"title": "Release of the report: World internet development", "minutes": 20},
            ],
        },
        {
            "slug": "lunch-break-nov-9",
            "kind": "break",
            "title": "Lunch break",
            "venue": "convention-center",
            "day": "2022-11-09",
            "start": "12:00",
            "end": "13:30",
        },
        {
            "slug": "digital-economy",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Economy and Industrial Transformation",
            "room": "forum-hall-a",
            "day": "2022-11-09",
            "start": "14:00",
            "end": "17:30",
            "topic": "digital-economy",
            "capacity": 350,
            "description": "How platforms and cloud services drive industrial transformation.",
            "organisers": [
                {"organisation": "alibaba-group", "role": "co_organiser"},
                {"organisation": "baidu", "role": "co_organiser"},
            ],
        },
        {
            "slug": "laureates-dialogue",
            "kind": "sub_forum",
            "title": "Sub-forum: Dialogue with Nobel and Turing Laureates",
            "room": "forum-hall-b",
            "day": "2022-11-09",
            "start": "14:00",
            "end": "17:00",
            "topic": "frontier-technology",
            "capacity": 300,
            "description": "Nobel and Turing laureates on the future of computing and the internet.",
            "organisers": [{"organisation": "wic", "role": "organiser"}],
        },
        {
            "slug": "cybersecurity",
            "kind": "sub_forum",
            "title": "Sub-forum: Cybersecurity Cooperation",
            "room": "forum-hall-a",
            "day": "2022-11-10",
            "start": "09:00",
            "end": "12:00",
            "topic": "cybersecurity",
            "capacity": 300,
            "description": "International cooperation against cyber threats.",
            "organisers": [{"organisation": "kaspersky", "role": "co_organiser"}],
        },
        {
            "slug": "digital-transformation",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Transformation Partnerships",
            "room": "forum-hall-b",
            "day": "2022-11-10",
            "start": "09:00",
            "end": "12:00",
            "topic": "digital-economy",
            "capacity": 250,
            "description": "Partnerships for the digital transformation of enterprises and public services.",
            "organisers": [
                {"organisation": "infosys", "role": "co_organiser"},
                {"organisation": "huawei", "role": "co_organiser"},
            ],
        },
    ],
    "expos": [],
    "awards": [],
}

# ---------------------------------------------------------------------------------------------------
# 2023: the 10-year milestone
# ---------------------------------------------------------------------------------------------------

EXPO_2023 = {
    "slug": "light-of-the-internet-expo",
    "name": "Light of the Internet Expo",
    "venue": "expo-center",
    "start_date": "2023-11-07",
    "end_date": "2023-11-10",
    "description": (
        "A key feature of the 2023 Wuzhen Summit, opened on Nov 7 at the Light of Internet Expo Center: a "
        "showcase of cutting-edge internet technologies and new products, from robotic dogs to glasses-free 3D "
        "and digital Dunhuang murals. The closing date, the halls, the booths and most exhibitors are sample data."
    ),
    "halls": [
        {"slug": "hall-1", "name": "Hall 1: Artificial intelligence and robotics"},
        {"slug": "hall-2", "name": "Hall 2: Digital economy and smart cities"},
        {"slug": "hall-3", "name": "Hall 3: Digital culture"},
        {"slug": "hall-4", "name": "Hall 4: Networks and security"},
    ],
    "exhibits": [
        {
            "slug": "robotic-dogs",
            "title": "Robotic dogs",
            "exhibitor": "unitree-robotics",
            "category": "robotics",
            "hall": "hall-1",
            "booth": "A-01",
            "featured": True,
            "pictures": 3,
            "description": (
                "Four-legged robots that walk, run, climb stairs and keep their balance on rough ground. The "
                "report names the exhibit, not its maker: the exhibitor, hall and booth are sample data."
            ),
        },
        {
            "slug": "glasses-free-3d",
            "title": "Glasses-free 3D display",
            "exhibitor": "boe",
            "category": "other",
            "hall": "hall-3",
            "booth": "C-05",
            "featured": True,
            "pictures": 2,
            "description": (
                "Screens that show three-dimensional pictures without special glasses. Named in the report; the "
                "exhibitor, hall and booth are sample data."
            ),
        },
        {
            "slug": "digital-dunhuang-murals",
            "title": "Digital Dunhuang murals",
            "exhibitor": "dunhuang-academy",
            "category": "digital_culture",
            "hall": "hall-3",
            "booth": "C-01",
            "featured": True,
            "pictures": 2,
            "description": (
                "The murals of the Mogao Caves at Dunhuang, captured in high resolution and shown on large "
                "screens, so that visitors can look closely at paintings too fragile to be lit for long. Named "
                "in the report; the exhibitor, hall and booth are sample data."
            ),
        },
        {
            "slug": "ernie-large-language-model",
            "title": "Ernie 4.0 large language model",
            "exhibitor": "baidu",
            "category": "ai",
            "hall": "hall-1",
            "booth": "A-06",
            "pictures": 1,
            "description": (
                "Baidu's large language model, unveiled at Baidu World 2023 and already built into the products "
                "of many business partners. The model is reported; its stand at the expo is sample data."
            ),
        },
        {
            "slug": "smart-logistics-robots",
            "title": "Smart logistics robots",
            "exhibitor": "jd",
            "category": "mobility",
            "hall": "hall-2",
            "booth": "B-06",
            "pictures": 1,
            "description": "Autonomous delivery vehicles and warehouse robots. A sample exhibit.",
        },
        {
            "slug": "city-brain",
            "title": "City Brain",
            "exhibitor": "alibaba-group",
            "category": "smart_city",
            "hall": "hall-2",
            "booth": "B-01",
            "pictures": 1,
            "description": (
                "A cloud platform that reads traffic and city data to time traffic lights and clear the way for "
                "ambulances. A sample exhibit."
            ),
        },
        {
            "slug": "quantum-communication-devices",
            "title": "Quantum communication devices",
            "exhibitor": "china-telecom",
            "category": "quantum",
            "hall": "hall-4",
            "booth": "D-02",
            "pictures": 1,
            "description": "Quantum-encrypted calls and quantum key distribution equipment. A sample exhibit.",
        },
        {
            "slug": "computing-network-convergence",
            "title": "Computing and network convergence",
            "exhibitor": "china-unicom",
            "category": "networks",
            "hall": "hall-4",
            "booth": "D-05",
            "pictures": 1,
            "description": "Computing power delivered over the network, wherever it is needed. A sample exhibit.",
        },
        {
            "slug": "security-large-model",
            "title": "Security large model",
            "exhibitor": "360-security-group",
            "category": "cybersecurity",
            "hall": "hall-4",
            "booth": "D-08",
            "pictures": 1,
            "description": "A large model that helps security teams detect and analyse attacks. A sample exhibit.",
        },
    ],
}

_SAMPLE_HONOUREE = (
    "Sample entry: the report does not name the honourees of this category; this one is invented to show how "
    "an honouree appears."
)

AWARDS_2023 = [
    {
        "slug": "ten-year-commemorative-honor",
        "name": "Wuzhen Summit 10-Year Commemorative Honor",
        "ceremony": "ten-year-honor-ceremony",
        "description": (
            "Presented on Nov 8, 2023, the day of the plenary meeting, the honor carries the WIC's recognition of "
            "individuals and organizations that have made outstanding performance by actively participating in "
            "its activities, supporting preparations and contributing to the establishment of the WIC "
            "Organization. The report does not name the honourees: those listed here are sample entries."
        ),
        "categories": [
            {"slug": "outstanding-partners", "name": "Outstanding Partners"},
            {"slug": "excellent-organizers", "name": "Excellent Organizers"},
            {"slug": "special-contributors", "name": "Special Contributors"},
        ],
        "honourees": [
            {"category": "outstanding-partners", "organisation": "gsma", "citation": _SAMPLE_HONOUREE},
            {"category": "outstanding-partners", "organisation": "itu", "citation": _SAMPLE_HONOUREE},
            {"category": "excellent-organizers", "organisation": "zhejiang-government", "citation": _SAMPLE_HONOUREE},
            {"category": "special-contributors", "person": "kilnam-chon", "citation": _SAMPLE_HONOUREE},
        ],
    },
    {
        "slug": "outstanding-cases",
        "name": "Outstanding Cases of Jointly Building a Community with a Shared Future in Cyberspace",
        "ceremony": None,
        "description": (
            "Thirteen cases, released and presented on Nov 7, 2023, the eve of the summit, at the Release and "
            "Presentation of Outstanding Cases of Jointly Building a Community with a Shared Future in "
            "Cyberspace, an integral part of the 2023 Wuzhen Summit. The presentation came before the summit's "
            "first day, so it has no session in the programme."
        ),
        "categories": [],
        "honourees": [
            {
                "organisation": "ibm",
                "case_title": "IBM Sustainable Computing Solution to Co-Create a Sustainable Future",
            },
            {
                "organisation": "alibaba-group",
                "case_title": (
                    "Alibaba Digital County Partnering with International Trade Center (ITC) to Support Digital "
                    "Poverty Alleviation in African Developing Countries"
                ),
            },
            {
                "organisation": "national-library-of-china",
                "case_title": (
                    "Building a Digital Network of Chinese Ancient Books - Chinese Ancient Books Resources "
                    "Database Construction and Services"
                ),
            },
            {"organisation": "mct-international-exchanges", "case_title": "China Tourism and Culture Week Overseas"},
            {
                "organisation": "china-unicom-global",
                "case_title": (
                    "Computing and Network Convergence Connecting the World, Empowering the Innovative Development "
                    "of the Global Digital Economy"
                ),
            },
            {
                "organisation": "china-telecom",
                "case_title": (
                    "Asia Direct Cable (ADC) Traversing Asia with Higher Capacity and Greater Security, Helping "
                    "Enterprises Digital Transformation"
                ),
            },
            {
                "organisation": "domaintools",
                "case_title": "Internet Infrastructure Data Sharing for Ensuring Security in Cyberspace",
            },
            {
                "organisation": "dbappsecurity",
                "case_title": (
                    "Asian Games Sky Dome – Practice the Asian Games Mission and Build a Strong Safety Defense Line"
                ),
            },
            {"organisation": "internet-society-of-china", "case_title": "China Internet Governance Forum (China IGF)"},
            {
                "organisation": "smart-city-expo-world-congress",
                "case_title": (
                    "Smart City Expo World Congress: Promoting Global Urban Collaborative Development and "
                    "Establishing Mechanisms for Trust and Cooperation"
                ),
            },
            {
                "organisation": "steinbeis-global-institute",
                "case_title": (
                    "German Steinbeis Technology Transfer Center: Creating a Digital Platform for Professional "
                    "Technology Transfer"
                ),
            },
            {
                "organisation": "unesco-ichei",
                "case_title": (
                    "Smart Classroom — Ally Industrial and Educational Endeavor to Forge a Cyberspace Learning "
                    "Community"
                ),
            },
            {
                "organisation": "cisco",
                "case_title": "Bridging the Digital Divide, Powering an Inclusive Future for All",
            },
        ],
    },
]

EDITION_2023 = {
    "slug": "2023",
    "year": 2023,
    "ordinal": "",
    "name": "2023 World Internet Conference Wuzhen Summit",
    "theme": (
        "Creating an Inclusive and Resilient Digital World Beneficial to All – "
        "Building a Community with a Shared Future in Cyberspace"
    ),
    "start_date": "2023-11-08",
    "end_date": "2023-11-10",
    "is_current": False,
    "description": (
        "The summit marks its 10-year milestone with an opening ceremony, a plenary session and 20 sub-forums, "
        "among them digital cooperation on the Global Development Initiative, the collaborative transformation "
        "of digitalisation and green development, data governance, computing network, artificial intelligence, "
        "and youth and digital future. The Global Youth Leadership Program is inaugurated, and the Wuzhen Summit "
        "10-Year Commemorative Honor is awarded on Nov 8. On the eve of the summit, Nov 7, the World Internet "
        "Science and Technology Museum was inaugurated, the Light of Internet Expo opened, and the Outstanding "
        "Cases of Jointly Building a Community with a Shared Future in Cyberspace were presented."
    ),
    "venues": ["convention-center", "expo-center", "science-museum"],
    "topics": [
        "artificial-intelligence",
        "digital-development",
        "digital-economy",
        "green-development",
        "data-governance",
        "infrastructure",
        "cybersecurity",
        "youth",
        "cyberspace-governance",
        "internet-and-society",
    ],
    "organisations": [
        "wic",
        "zhejiang-government",
        "baidu",
        "alibaba-group",
        "jd",
        "tencent",
        "kuaishou",
        "360-security-group",
        "ibm",
        "cisco",
        "china-telecom",
        "china-unicom",
        "internet-society-of-china",
        "unesco",
        "gsma",
        "itu",
        "ipv6-forum",
        "china-eu",
        "idsa",
        "cas-institute-of-automation",
        "cac-studies",
        "ccg",
        "cufe",
        "kaist",
        "sant-anna-school",
        "tsinghua-university",
        "yuanbiancheng",
        "national-library-of-china",
        "mct-international-exchanges",
        "china-unicom-global",
        "domaintools",
        "dbappsecurity",
        "smart-city-expo-world-congress",
        "steinbeis-global-institute",
        "unesco-ichei",
    ],
    "sample_organisations": ["un-desa", "wipo", "unitree-robotics", "boe", "dunhuang-academy"],
    "people": [
        "francis-gurry",
        "wang-haifeng",
        "robin-li",
        "wu-yongming",
        "guo-kaitian",
        "yang-yuanxi",
        "zhou-hongyi",
        "zeng-yi",
        "kilnam-chon",
        "john-hoffman",
        "latif-ladid",
        "tomas-lamanauskas",
        "luigi-gambardella",
        "antonio-frisoli",
        "moksh-jawa",
        "raneem-zaitoun",
        "thorsten-hulsmann",
        "li-yi",
        "xuan-xingzhang",
        "ouyang-rihui",
        "andy-mok",
    ],
    "sample_people": ["ren-xianliang"],
    "sessions": [
        # Nov 8: ceremonies and plenary.
        {
            "slug": "opening-ceremony",
            "kind": "opening_ceremony",
            "title": "Opening ceremony",
            "room": "main-hall",
            "day": "2023-11-08",
            "start": "09:00",
            "end": "10:00",
            "topic": "cyberspace-governance",
            "description": (
                "Opening of the 2023 Wuzhen Summit. President Xi Jinping addresses the ceremony via video link, "
                "calling for continued efforts to build a community with a shared future in cyberspace."
            ),
            "organisers": [
                {"organisation": "wic", "role": "host"},
                {"organisation": "zhejiang-government", "role": "host"},
            ],
            "speakers": [{"person": "ren-xianliang", "role": "host"}],
            "items": [
                {"title": "Opening remarks", "start": "09:00", "minutes": 10, "speakers": ["ren-xianliang"]},
                {"title": "Video address", "minutes": 20},
                {"title": "Speeches by guests", "minutes": 30},
            ],
        },
        {
            "slug": "plenary-session",
            "kind": "plenary",
            "title": "Plenary session",
            "room": "main-hall",
            "day": "2023-11-08",
            "start": "10:15",
            "end": "12:00",
            "topic": "digital-development",
            "description": "Plenary session of the 10th Wuzhen Summit.",
            "speakers": [
                {"person": "francis-gurry", "role": "keynote"},
                {"person": "kilnam-chon", "role": "speaker"},
            ],
            "items": [
                {"title": "Keynote speech", "minutes": 20, "speakers": ["francis-gurry"]},
                {"title": "Speeches", "minutes": 60, "speakers": ["kilnam-chon"]},
                {"title": "Release of achievements", "minutes": 25},
            ],
        },
        {
            "slug": "lunch-break-nov-8",
            "kind": "break",
            "title": "Lunch break",
            "venue": "convention-center",
            "day": "2023-11-08",
            "start": "12:00",
            "end": "13:30",
        },
        {
            "slug": "ten-year-honor-ceremony",
            "kind": "award_ceremony",
            "title": "Award ceremony of the Wuzhen Summit 10-Year Commemorative Honor",
            "room": "main-hall",
            "day": "2023-11-08",
            "start": "13:30",
            "end": "14:30",
            "topic": "cyberspace-governance",
            "description": (
                "The WIC recognises individuals and organisations that took an active part in its activities, "
                "supported its preparations and contributed to the establishment of the WIC organisation, in "
                "three categories: Outstanding Partners, Excellent Organizers and Special Contributors."
            ),
            "organisers": [{"organisation": "wic", "role": "host"}],
            "speakers": [{"person": "ren-xianliang", "role": "host"}],
            "items": [
                {"title": "Outstanding Partners", "minutes": 20},
                {"title": "Excellent Organizers", "minutes": 20},
                {"title": "Special Contributors", "minutes": 20},
            ],
        },
        # Nov 8 afternoon: sub-forums.
        {
            "slug": "gdi-digital-cooperation",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Cooperation on the Global Development Initiative",
            "room": "forum-hall-a",
            "day": "2023-11-08",
            "start": "14:00",
            "end": "17:30",
            "topic": "digital-development",
            "capacity": 350,
            "description": (
                "Digital cooperation under the Global Development Initiative, and narrowing the digital divide."
            ),
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "un-desa", "role": "supporter"},
            ],
            "speakers": [{"person": "tomas-lamanauskas", "role": "keynote"}],
            "items": [
                {"title": "Opening remarks", "minutes": 10},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["tomas-lamanauskas"]},
                {"title": "Panel discussion: digital transformation for the SDGs", "minutes": 60},
                {"title": "Release of the report", "minutes": 20},
            ],
        },
        {
            "slug": "digital-green-development",
            "kind": "sub_forum",
            "title": "Sub-forum: Collaborative Transformation of Digitalisation and Green Development",
            "room": "forum-hall-b",
            "day": "2023-11-08",
            "start": "14:00",
            "end": "17:30",
            "topic": "green-development",
            "capacity": 300,
            "description": "How digital technology and green development reinforce each other.",
            "organisers": [
                {"organisation": "ibm", "role": "co_organiser"},
                {"organisation": "china-telecom", "role": "co_organiser"},
            ],
        },
        {
            "slug": "data-governance",
            "kind": "sub_forum",
            "title": "Sub-forum: Data Governance",
            "room": "forum-hall-c",
            "day": "2023-11-08",
            "start": "14:00",
            "end": "17:30",
            "topic": "data-governance",
            "capacity": 250,
            "description": "Data spaces, data processing capacity and the rules for data flows.",
            "organisers": [{"organisation": "idsa", "role": "co_organiser"}],
            "speakers": [{"person": "thorsten-hulsmann", "role": "speaker"}],
        },
        {
            "slug": "computing-network",
            "kind": "sub_forum",
            "title": "Sub-forum: Computing Network",
            "room": "meeting-room-1",
            "day": "2023-11-08",
            "start": "14:00",
            "end": "17:30",
            "topic": "infrastructure",
            "capacity": 200,
            "description": "Computing and network convergence for the global digital economy.",
            "organisers": [
                {"organisation": "china-unicom", "role": "organiser"},
                {"organisation": "china-telecom", "role": "co_organiser"},
            ],
        },
        {
            "slug": "internet-rule-of-law",
            "kind": "sub_forum",
            "title": "Sub-forum: Internet Rule of Law",
            "room": "meeting-room-2",
            "day": "2023-11-08",
            "start": "14:00",
            "end": "17:30",
            "topic": "cyberspace-governance",
            "capacity": 180,
            "description": "Laws and rules for cyberspace, at home and between countries.",
        },
        # Nov 9 morning.
        {
            "slug": "lunch-break-nov-9",
            "kind": "break",
            "title": "Lunch break",
            "venue": "convention-center",
            "day": "2023-11-09",
            "start": "12:00",
            "end": "13:30",
        },
        {
            "slug": "artificial-intelligence",
            "kind": "sub_forum",
            "title": "Sub-forum: Artificial Intelligence",
            "room": "main-hall",
            "day": "2023-11-09",
            "start": "09:00",
            "end": "12:00",
            "topic": "artificial-intelligence",
            "capacity": 400,
            "description": (
                "Top executives of Baidu, Alibaba Group and JD call for AI infrastructure and a more open AI ecosystem."
            ),
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "baidu", "role": "co_organiser"},
                {"organisation": "alibaba-group", "role": "co_organiser"},
                {"organisation": "jd", "role": "co_organiser"},
            ],
            "speakers": [
                {"person": "robin-li", "role": "keynote"},
                {"person": "wu-yongming", "role": "keynote"},
                {"person": "francis-gurry", "role": "speaker"},
            ],
            "items": [
                {"title": "Opening remarks", "minutes": 10, "speakers": ["francis-gurry"]},
                {"title": "Keynote speech: an AI-native ecosystem", "minutes": 20, "speakers": ["robin-li"]},
                {
                    "title": "Keynote speech: infrastructure and an open ecosystem",
                    "minutes": 20,
                    "speakers": ["wu-yongming"],
                },
                {"title": "Panel discussion", "minutes": 60},
            ],
        },
        {
            "slug": "large-models-industry",
            "kind": "sub_forum",
            "title": "Sub-forum: Large Models and Industry Applications",
            "room": "forum-hall-a",
            "day": "2023-11-09",
            "start": "09:00",
            "end": "12:00",
            "topic": "artificial-intelligence",
            "capacity": 350,
            "description": "Bringing large AI models into real business scenarios across industries.",
            "organisers": [{"organisation": "tencent", "role": "co_organiser"}],
            "speakers": [
                {"person": "guo-kaitian", "role": "keynote"},
                {"person": "wang-haifeng", "role": "keynote"},
            ],
            "items": [
                {"title": "Keynote speech", "minutes": 20, "speakers": ["guo-kaitian"]},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["wang-haifeng"]},
                {"title": "Panel discussion", "minutes": 60},
            ],
        },
        {
            "slug": "youth-digital-future",
            "kind": "sub_forum",
            "title": "Sub-forum: Youth and Digital Future",
            "room": "forum-hall-b",
            "day": "2023-11-09",
            "start": "09:00",
            "end": "12:00",
            "topic": "youth",
            "capacity": 300,
            "description": "Youth leaders of the WIC Global Youth Leadership Program on an inclusive, safe cyberspace.",
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "gsma", "role": "supporter"},
            ],
            "speakers": [
                {"person": "john-hoffman", "role": "keynote"},
                {"person": "moksh-jawa", "role": "panelist"},
                {"person": "raneem-zaitoun", "role": "panelist"},
            ],
            "items": [
                {"title": "Opening remarks", "minutes": 10},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["john-hoffman"]},
                {
                    "title": "Youth talks: digital literacy and a shared cyberspace",
                    "minutes": 40,
                    "speakers": ["moksh-jawa", "raneem-zaitoun"],
                },
                {"title": "Panel discussion", "minutes": 50, "speakers": ["moksh-jawa", "raneem-zaitoun"]},
            ],
        },
        {
            "slug": "responsible-generative-ai",
            "kind": "sub_forum",
            "title": "Sub-forum: Responsible Generative AI and Global AI Governance",
            "room": "forum-hall-c",
            "day": "2023-11-09",
            "start": "09:00",
            "end": "12:00",
            "topic": "artificial-intelligence",
            "capacity": 250,
            "description": (
                "The WIC Working Group on Artificial Intelligence publishes its Consensus on Developing "
                "Responsible Generative Artificial Intelligence; discussion of the Global AI Governance Initiative."
            ),
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "cas-institute-of-automation", "role": "co_organiser"},
            ],
            "speakers": [
                {"person": "zeng-yi", "role": "keynote"},
                {"person": "zhou-hongyi", "role": "speaker"},
                {"person": "luigi-gambardella", "role": "panelist"},
                {"person": "xuan-xingzhang", "role": "moderator"},
            ],
            "items": [
                {"title": "Opening remarks", "minutes": 10, "speakers": ["xuan-xingzhang"]},
                {
                    "title": "Release of the Consensus on Developing Responsible Generative Artificial Intelligence",
                    "minutes": 20,
                },
                {"title": "Keynote speech: AI is never neutral", "minutes": 20, "speakers": ["zeng-yi"]},
                {"title": "Speech: security for generative AI", "minutes": 20, "speakers": ["zhou-hongyi"]},
                {
                    "title": "Panel discussion",
                    "minutes": 60,
                    "speakers": ["zeng-yi", "zhou-hongyi", "luigi-gambardella", "xuan-xingzhang"],
                },
            ],
        },
        {
            "slug": "digital-content-platforms",
            "kind": "sub_forum",
            "title": "Sub-forum: Online Platforms and Digital Content",
            "room": "meeting-room-1",
            "day": "2023-11-09",
            "start": "09:00",
            "end": "12:00",
            "topic": "internet-and-society",
            "capacity": 200,
            "description": "Recommendation systems, large models and short video.",
            "organisers": [{"organisation": "kuaishou", "role": "co_organiser"}],
            "speakers": [{"person": "yang-yuanxi", "role": "keynote"}],
        },
        {
            "slug": "digital-economy-cooperation",
            "kind": "sub_forum",
            "title": "Sub-forum: Cross-border E-commerce and Digital Trade",
            "room": "meeting-room-2",
            "day": "2023-11-09",
            "start": "09:00",
            "end": "12:00",
            "topic": "digital-economy",
            "capacity": 180,
            "description": "Digital trade and e-commerce as a way to share the benefits of the digital economy.",
            "organisers": [{"organisation": "alibaba-group", "role": "co_organiser"}],
        },
        {
            "slug": "digital-culture",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Culture and Heritage",
            "room": "expo-forum-stage",
            "day": "2023-11-09",
            "start": "10:00",
            "end": "12:30",
            "topic": "internet-and-society",
            "capacity": 250,
            "description": "Digital technology for cultural heritage, from digital Dunhuang murals to ancient books.",
            "organisers": [{"organisation": "unesco", "role": "supporter"}],
        },
        # Nov 9 afternoon.
        {
            "slug": "cybersecurity",
            "kind": "sub_forum",
            "title": "Sub-forum: Cybersecurity",
            "room": "main-hall",
            "day": "2023-11-09",
            "start": "14:00",
            "end": "17:00",
            "topic": "cybersecurity",
            "capacity": 400,
            "description": "Network security as the support of the digital economy.",
            "organisers": [{"organisation": "360-security-group", "role": "co_organiser"}],
            "speakers": [{"person": "zhou-hongyi", "role": "keynote"}],
        },
        {
            "slug": "next-generation-internet",
            "kind": "sub_forum",
            "title": "Sub-forum: IPv6 and the Next-generation Internet",
            "room": "forum-hall-a",
            "day": "2023-11-09",
            "start": "14:00",
            "end": "17:00",
            "topic": "infrastructure",
            "capacity": 300,
            "description": "From the old internet to the new: IPv6, the Internet of Things and fast wireless networks.",
            "organisers": [{"organisation": "ipv6-forum", "role": "co_organiser"}],
            "speakers": [
                {"person": "latif-ladid", "role": "keynote"},
                {"person": "kilnam-chon", "role": "speaker"},
            ],
        },
        {
            "slug": "digital-intellectual-property",
            "kind": "sub_forum",
            "title": "Sub-forum: Intellectual Property in the Digital Age",
            "room": "forum-hall-b",
            "day": "2023-11-09",
            "start": "14:00",
            "end": "17:00",
            "topic": "digital-development",
            "capacity": 250,
            "description": "Intellectual property, AI and education.",
            "organisers": [{"organisation": "wipo", "role": "supporter"}],
            "speakers": [{"person": "francis-gurry", "role": "keynote"}],
        },
        {
            "slug": "think-tank-forum",
            "kind": "sub_forum",
            "title": "Sub-forum: Think Tanks on a Shared Future in Cyberspace",
            "room": "forum-hall-c",
            "day": "2023-11-09",
            "start": "14:00",
            "end": "17:00",
            "topic": "cyberspace-governance",
            "capacity": 200,
            "description": "Think tanks on narrowing the digital divide and on global AI governance.",
            "organisers": [
                {"organisation": "cac-studies", "role": "organiser"},
                {"organisation": "ccg", "role": "co_organiser"},
            ],
            "speakers": [
                {"person": "xuan-xingzhang", "role": "moderator"},
                {"person": "ouyang-rihui", "role": "panelist"},
                {"person": "andy-mok", "role": "panelist"},
            ],
        },
        {
            "slug": "ai-education",
            "kind": "sub_forum",
            "title": "Sub-forum: AI Education and Digital Talent",
            "room": "meeting-room-1",
            "day": "2023-11-09",
            "start": "14:00",
            "end": "17:00",
            "topic": "youth",
            "capacity": 150,
            "description": "Preparing younger generations with the abilities and knowledge needed in the age of AI.",
            "organisers": [{"organisation": "yuanbiancheng", "role": "co_organiser"}],
            "speakers": [{"person": "li-yi", "role": "speaker"}],
        },
        {
            "slug": "robotics",
            "kind": "sub_forum",
            "title": "Sub-forum: Robotics and Intelligent Manufacturing",
            "room": "museum-lecture-hall",
            "day": "2023-11-09",
            "start": "14:00",
            "end": "17:00",
            "topic": "artificial-intelligence",
            "capacity": 150,
            "description": "Robotics, AI and how humans should view artificial intelligence.",
            "organisers": [{"organisation": "sant-anna-school", "role": "co_organiser"}],
            "speakers": [{"person": "antonio-frisoli", "role": "keynote"}],
        },
        # Nov 10 morning.
        {
            "slug": "internet-ten-years",
            "kind": "sub_forum",
            "title": "Sub-forum: Ten Years of the Wuzhen Summit",
            "room": "forum-hall-a",
            "day": "2023-11-10",
            "start": "09:00",
            "end": "11:30",
            "topic": "digital-development",
            "capacity": 300,
            "description": "A look back at ten years of internet development and cooperation at Wuzhen.",
            "organisers": [{"organisation": "wic", "role": "organiser"}],
            "speakers": [
                {"person": "ren-xianliang", "role": "host"},
                {"person": "kilnam-chon", "role": "keynote"},
            ],
        },
        {
            "slug": "bridging-digital-divide",
            "kind": "sub_forum",
            "title": "Sub-forum: Bridging the Digital Divide",
            "room": "forum-hall-b",
            "day": "2023-11-10",
            "start": "09:00",
            "end": "11:30",
            "topic": "digital-development",
            "capacity": 250,
            "description": "Connectivity, digital skills and inclusive services for all.",
            "organisers": [
                {"organisation": "cisco", "role": "co_organiser"},
                {"organisation": "internet-society-of-china", "role": "co_organiser"},
            ],
        },
    ],
    "expos": [EXPO_2023],
    "awards": AWARDS_2023,
}

# ---------------------------------------------------------------------------------------------------
# 2024: the current edition
# ---------------------------------------------------------------------------------------------------

_SUB_FORUM_ITEMS = [
    {"title": "Opening remarks", "minutes": 10},
    {"title": "Keynote speeches", "minutes": 60},
    {"title": "Panel discussion", "minutes": 60},
]

EXPO_2024 = {
    "slug": "light-of-the-internet-expo",
    "name": "Light of the Internet Expo",
    "venue": "expo-center",
    "start_date": "2024-11-19",
    "end_date": "2024-11-22",
    "description": (
        "The expo of the 2024 Wuzhen Summit, on artificial intelligence and “intelligence for good”. Its dates, "
        "halls, booths and exhibits are sample data."
    ),
    "halls": [
        {"slug": "hall-1", "name": "Hall 1: Artificial intelligence"},
        {"slug": "hall-2", "name": "Hall 2: Robotics"},
        {"slug": "hall-3", "name": "Hall 3: Digital economy and mobility"},
        {"slug": "hall-4", "name": "Hall 4: Networks and quantum"},
    ],
    "exhibits": [
        {
            "slug": "humanoid-robots",
            "title": "Humanoid and quadruped robots",
            "exhibitor": "unitree-robotics",
            "category": "robotics",
            "hall": "hall-2",
            "booth": "B-01",
            "featured": True,
            "pictures": 2,
            "description": "Robots on two legs and on four, walking among visitors. A sample exhibit.",
        },
        {
            "slug": "qwen-large-models",
            "title": "Qwen large language models",
            "exhibitor": "alibaba-group",
            "category": "ai",
            "hall": "hall-1",
            "booth": "A-01",
            "featured": True,
            "pictures": 1,
            "description": "Open large language models and the applications built on them. A sample exhibit.",
        },
        {
            "slug": "robotaxi",
            "title": "Apollo Go robotaxi",
            "exhibitor": "baidu",
            "category": "mobility",
            "hall": "hall-3",
            "booth": "C-04",
            "pictures": 1,
            "description": "A driverless taxi service and the car it runs on. A sample exhibit.",
        },
        {
            "slug": "ai-payment-services",
            "title": "AI services for digital payments",
            "exhibitor": "ant-group",
            "category": "digital_economy",
            "hall": "hall-3",
            "booth": "C-01",
            "pictures": 1,
            "description": "AI assistants for payments, insurance and health services. A sample exhibit.",
        },
        {
            "slug": "quantum-communication-devices",
            "title": "Quantum communication devices",
            "exhibitor": "china-telecom",
            "category": "quantum",
            "hall": "hall-4",
            "booth": "D-01",
            "pictures": 1,
            "description": "Quantum-encrypted calls and quantum key distribution equipment. A sample exhibit.",
        },
        {
            "slug": "computing-power-network",
            "title": "5G-Advanced and computing power network",
            "exhibitor": "huawei",
            "category": "networks",
            "hall": "hall-4",
            "booth": "D-03",
            "pictures": 1,
            "description": "Faster mobile networks joined with computing power for AI. A sample exhibit.",
        },
    ],
}

AWARDS_2024 = [
    {
        "slug": "distinguished-contribution-award",
        "name": "WIC Distinguished Contribution Award",
        "ceremony": "distinguished-contribution-award",
        "description": (
            "New in 2024: an award for individuals and organisations with exceptional contributions to the "
            "global internet, presented at its own ceremony. The reports do not name the honourees: those "
            "listed here are sample entries."
        ),
        "categories": [],
        "honourees": [
            {"organisation": "gsma", "citation": _SAMPLE_HONOUREE.replace(" of this category", "")},
            {"person": "kilnam-chon", "citation": _SAMPLE_HONOUREE.replace(" of this category", "")},
        ],
    },
    {
        "slug": "leading-science-technology-award",
        "name": "World Internet Conference Leading Science and Technology Award",
        "ceremony": "main-forum",
        "description": (
            "Also reported as the Awards for Pioneering Science and Technology; released at the main forum. The "
            "reports do not name the honoured achievements, so none are listed."
        ),
        "categories": [],
        "honourees": [],
    },
    {
        "slug": "best-practices",
        "name": "Best Practices in Jointly Building a Cyberspace Community with a Shared Future",
        "ceremony": "main-forum",
        "description": (
            "Released at the main forum, like the Outstanding Cases of 2023. The reports do not name the "
            "practices, so none are listed."
        ),
        "categories": [],
        "honourees": [],
    },
]

EDITION_2024 = {
    "slug": "2024",
    "year": 2024,
    "ordinal": "",
    "name": "2024 World Internet Conference Wuzhen Summit",
    "theme": "Embracing a Digital Future That Is People-Centered and Intelligent for Good",
    "start_date": "2024-11-19",
    "end_date": "2024-11-22",
    "is_current": True,
    # Sample: the demo keeps registration open so the delegate flow can be tried end to end.
    "registration_opens": "2024-09-01T00:00:00+08:00",
    "description": (
        "Announced by WIC Secretary-General Ren Xianliang at a press conference in Beijing on Oct 24, 2024, the "
        "summit focuses on artificial intelligence and “intelligence for good”: an opening ceremony, a main "
        "forum and 24 sub-forums on AI innovation and governance, AI-based new quality productive forces, "
        "responsible AI, the Global Development Initiative and digital economy, and youth and digital future. "
        "New this year: the WIC Distinguished Contribution Award, the WIC Specialized Committee on Artificial "
        "Intelligence, the Think Tank Cooperation Program with about 60 think tanks, the WIC Digital Academy, and "
        "a special AI competition in the “Straight to Wuzhen” Global Internet Competition. Organised by the WIC "
        "with the People's Government of Zhejiang Province, supported by UN DESA, WIPO and the GSMA."
    ),
    "venues": ["convention-center", "expo-center", "science-museum"],
    "topics": [
        "artificial-intelligence",
        "digital-development",
        "digital-economy",
        "green-development",
        "data-governance",
        "infrastructure",
        "cybersecurity",
        "youth",
        "cyberspace-governance",
        "internet-and-society",
    ],
    "organisations": [
        "wic",
        "zhejiang-government",
        "un-desa",
        "wipo",
        "gsma",
        "alibaba-group",
        "ant-group",
        "cisco",
        "ibm",
    ],
    "sample_organisations": [
        "baidu",
        "tencent",
        "huawei",
        "360-security-group",
        "china-telecom",
        "china-unicom",
        "itu",
        "unesco",
        "ipv6-forum",
        "china-eu",
        "cas-institute-of-automation",
        "cac-studies",
        "kaist",
        "sant-anna-school",
        "tsinghua-university",
        "unitree-robotics",
    ],
    "people": ["ren-xianliang"],
    "sample_people": [
        "francis-gurry",
        "robin-li",
        "wang-haifeng",
        "wu-yongming",
        "zhou-hongyi",
        "zeng-yi",
        "tomas-lamanauskas",
        "luigi-gambardella",
        "john-hoffman",
        "latif-ladid",
        "kilnam-chon",
        "antonio-frisoli",
        "moksh-jawa",
    ],
    "sessions": [
        # Nov 19: competition finals at the expo center.
        {
            "slug": "straight-to-wuzhen-final",
            "kind": "competition",
            "title": "“Straight to Wuzhen” Global Internet Competition: final",
            "room": "expo-forum-stage",
            "day": "2024-11-19",
            "start": "09:30",
            "end": "12:00",
            "topic": "digital-economy",
            "description": "Final round of the “Straight to Wuzhen” Global Internet Competition.",
            "organisers": [{"organisation": "wic", "role": "organiser"}],
        },
        {
            "slug": "straight-to-wuzhen-ai-special",
            "kind": "competition",
            "title": "“Straight to Wuzhen” AI Special Competition: final",
            "room": "expo-forum-stage",
            "day": "2024-11-19",
            "start": "14:00",
            "end": "17:00",
            "topic": "artificial-intelligence",
            "description": "The competition's first special contest for innovative AI applications.",
            "organisers": [{"organisation": "wic", "role": "organiser"}],
        },
        # Nov 20: ceremonies, main forum and the first sub-forums.
        {
            "slug": "opening-ceremony",
            "kind": "opening_ceremony",
            "title": "Opening ceremony",
            "room": "main-hall",
            "day": "2024-11-20",
            "start": "09:00",
            "end": "10:00",
            "topic": "cyberspace-governance",
            "description": "Opening of the 2024 Wuzhen Summit.",
            "organisers": [
                {"organisation": "wic", "role": "host"},
                {"organisation": "zhejiang-government", "role": "host"},
            ],
            "speakers": [{"person": "ren-xianliang", "role": "host"}],
        },
        {
            "slug": "main-forum",
            "kind": "plenary",
            "title": "Main forum",
            "room": "main-hall",
            "day": "2024-11-20",
            "start": "10:15",
            "end": "12:00",
            "topic": "artificial-intelligence",
            "description": (
                "Main forum on a people-centred, intelligent-for-good digital future, with the release of the "
                "World Internet Conference Leading Science and Technology Award and the Best Practices in Jointly "
                "Building a Cyberspace Community with a Shared Future."
            ),
            "organisers": [
                {"organisation": "un-desa", "role": "supporter"},
                {"organisation": "wipo", "role": "supporter"},
                {"organisation": "gsma", "role": "supporter"},
            ],
            "speakers": [
                {"person": "francis-gurry", "role": "keynote"},
                {"person": "john-hoffman", "role": "speaker"},
            ],
            "items": [
                {"title": "Keynote speech", "minutes": 20, "speakers": ["francis-gurry"]},
                {"title": "Speech", "minutes": 15, "speakers": ["john-hoffman"]},
                {"title": "Release of the Leading Science and Technology Award", "minutes": 30},
                {"title": "Release of the Best Practices in Jointly Building a Cyberspace Community", "minutes": 30},
            ],
        },
        {
            "slug": "lunch-break-nov-20",
            "kind": "break",
            "title": "Lunch break",
            "venue": "convention-center",
            "day": "2024-11-20",
            "start": "12:00",
            "end": "13:30",
        },
        {
            "slug": "ai-committee-launch",
            "kind": "side_event",
            "title": "Launch of the WIC Specialized Committee on Artificial Intelligence",
            "room": "main-hall",
            "day": "2024-11-20",
            "start": "14:00",
            "end": "15:30",
            "topic": "artificial-intelligence",
            "description": (
                "The committee, the first permanent branch of the WIC, is a platform for global AI firms to "
                "communicate and cooperate."
            ),
            "organisers": [{"organisation": "wic", "role": "organiser"}],
            "speakers": [{"person": "ren-xianliang", "role": "speaker"}],
        },
        {
            "slug": "distinguished-contribution-award",
            "kind": "award_ceremony",
            "title": "WIC Distinguished Contribution Award ceremony",
            "room": "main-hall",
            "day": "2024-11-20",
            "start": "18:30",
            "end": "20:00",
            "topic": "cyberspace-governance",
            "description": (
                "A new award for individuals and organisations with exceptional contributions to the global internet."
            ),
            "organisers": [{"organisation": "wic", "role": "host"}],
            "speakers": [
                {"person": "ren-xianliang", "role": "host"},
                {"person": "francis-gurry", "role": "speaker"},
            ],
        },
        {
            "slug": "ai-innovation-governance",
            "kind": "sub_forum",
            "title": "Sub-forum: AI Innovation and Governance",
            "room": "forum-hall-a",
            "day": "2024-11-20",
            "start": "14:00",
            "end": "17:30",
            "topic": "artificial-intelligence",
            "capacity": 350,
            "description": "The role of AI in shaping ethical, efficient and sustainable digital ecosystems.",
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "itu", "role": "supporter"},
            ],
            "speakers": [
                {"person": "zeng-yi", "role": "keynote"},
                {"person": "tomas-lamanauskas", "role": "keynote"},
                {"person": "luigi-gambardella", "role": "panelist"},
            ],
            "items": [
                {"title": "Opening remarks", "start": "14:00", "minutes": 10},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["tomas-lamanauskas"]},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["zeng-yi"]},
                {
                    "title": "Panel discussion: rules for AI across borders",
                    "minutes": 60,
                    "speakers": ["zeng-yi", "tomas-lamanauskas", "luigi-gambardella"],
                },
            ],
        },
        {
            "slug": "gdi-digital-economy",
            "kind": "sub_forum",
            "title": "Sub-forum: Global Development Initiative and Digital Economy",
            "room": "forum-hall-b",
            "day": "2024-11-20",
            "start": "14:00",
            "end": "17:30",
            "topic": "digital-development",
            "capacity": 300,
            "description": "New pathways for economic growth driven by digital transformation.",
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "un-desa", "role": "supporter"},
            ],
            "items": [
                {"title": "Opening remarks", "minutes": 10},
                {"title": "Keynote speeches", "minutes": 60},
                {"title": "Release of the report", "minutes": 20},
                {"title": "Panel discussion", "minutes": 60},
            ],
        },
        {
            "slug": "youth-digital-future",
            "kind": "sub_forum",
            "title": "Sub-forum: Youth and Digital Future",
            "room": "forum-hall-c",
            "day": "2024-11-20",
            "start": "14:00",
            "end": "17:30",
            "topic": "youth",
            "capacity": 250,
            "description": "Young people in digital innovation and internet governance.",
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "gsma", "role": "supporter"},
            ],
            "speakers": [
                {"person": "john-hoffman", "role": "keynote"},
                {"person": "moksh-jawa", "role": "panelist"},
            ],
            "items": [
                {"title": "Opening remarks", "minutes": 10},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["john-hoffman"]},
                {"title": "Youth dialogue", "minutes": 60, "speakers": ["moksh-jawa"]},
            ],
        },
        {
            "slug": "digital-green-development",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital and Green Development",
            "room": "meeting-room-1",
            "day": "2024-11-20",
            "start": "14:00",
            "end": "17:30",
            "topic": "green-development",
            "capacity": 200,
            "description": "Sustainable computing and energy-efficient digital infrastructure.",
            "organisers": [{"organisation": "ibm", "role": "co_organiser"}],
        },
        {
            "slug": "data-governance",
            "kind": "sub_forum",
            "title": "Sub-forum: Data Governance and Cross-border Data Flows",
            "room": "meeting-room-2",
            "day": "2024-11-20",
            "start": "14:00",
            "end": "17:30",
            "topic": "data-governance",
            "capacity": 180,
            "description": "Rules and trust for data flows between countries.",
            "organisers": [{"organisation": "cac-studies", "role": "co_organiser"}],
        },
        {
            "slug": "digital-civilisation",
            "kind": "sub_forum",
            "title": "Sub-forum: Internet and Digital Civilisation",
            "room": "museum-lecture-hall",
            "day": "2024-11-20",
            "start": "14:00",
            "end": "17:00",
            "topic": "internet-and-society",
            "capacity": 150,
            "description": (
                "The past, present and future of the internet, at the World Internet Science and Technology Museum."
            ),
            "organisers": [{"organisation": "unesco", "role": "supporter"}],
            "speakers": [{"person": "kilnam-chon", "role": "keynote"}],
        },
        # Nov 21 morning.
        {
            "slug": "ai-new-quality-productive-forces",
            "kind": "sub_forum",
            "title": "Sub-forum: AI-based New Quality Productive Forces",
            "room": "main-hall",
            "day": "2024-11-21",
            "start": "09:00",
            "end": "12:00",
            "topic": "artificial-intelligence",
            "capacity": 400,
            "description": "AI combined with labour, technology and infrastructure as a driver of economic growth.",
            "organisers": [
                {"organisation": "wic", "role": "organiser"},
                {"organisation": "baidu", "role": "co_organiser"},
                {"organisation": "alibaba-group", "role": "co_organiser"},
            ],
            "speakers": [
                {"person": "robin-li", "role": "keynote"},
                {"person": "wu-yongming", "role": "keynote"},
                {"person": "wang-haifeng", "role": "panelist"},
            ],
            "items": [
                {"title": "Opening remarks", "minutes": 10},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["robin-li"]},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["wu-yongming"]},
                {"title": "Panel discussion", "minutes": 60, "speakers": ["wang-haifeng"]},
            ],
        },
        {
            "slug": "responsible-ai",
            "kind": "sub_forum",
            "title": "Sub-forum: Responsible AI Development and Applications",
            "room": "forum-hall-a",
            "day": "2024-11-21",
            "start": "09:00",
            "end": "12:00",
            "topic": "artificial-intelligence",
            "capacity": 350,
            "description": "Safe, trustworthy and people-centred AI applications.",
            "organisers": [
                {"organisation": "cas-institute-of-automation", "role": "co_organiser"},
                {"organisation": "360-security-group", "role": "co_organiser"},
            ],
            "speakers": [
                {"person": "zeng-yi", "role": "keynote"},
                {"person": "zhou-hongyi", "role": "keynote"},
                {"person": "luigi-gambardella", "role": "moderator"},
            ],
            "items": [
                {"title": "Opening remarks", "minutes": 10, "speakers": ["luigi-gambardella"]},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["zeng-yi"]},
                {"title": "Keynote speech", "minutes": 20, "speakers": ["zhou-hongyi"]},
                {"title": "Release of the report", "minutes": 15},
                {"title": "Panel discussion", "minutes": 60, "speakers": ["zeng-yi", "zhou-hongyi"]},
            ],
        },
        {
            "slug": "cybersecurity",
            "kind": "sub_forum",
            "title": "Sub-forum: Cybersecurity",
            "room": "forum-hall-b",
            "day": "2024-11-21",
            "start": "09:00",
            "end": "12:00",
            "topic": "cybersecurity",
            "capacity": 300,
            "description": "Security of networks, data and AI systems.",
            "organisers": [{"organisation": "china-telecom", "role": "co_organiser"}],
        },
        {
            "slug": "computing-network",
            "kind": "sub_forum",
            "title": "Sub-forum: Computing Power Network",
            "room": "forum-hall-c",
            "day": "2024-11-21",
            "start": "09:00",
            "end": "12:00",
            "topic": "infrastructure",
            "capacity": 250,
            "description": "Computing power and network convergence for AI.",
            "organisers": [
                {"organisation": "china-unicom", "role": "co_organiser"},
                {"organisation": "huawei", "role": "co_organiser"},
            ],
        },
        {
            "slug": "next-generation-internet",
            "kind": "sub_forum",
            "title": "Sub-forum: Next-generation Internet",
            "room": "meeting-room-1",
            "day": "2024-11-21",
            "start": "09:00",
            "end": "12:00",
            "topic": "infrastructure",
            "capacity": 200,
            "description": "IPv6 and the infrastructure of the new internet.",
            "organisers": [{"organisation": "ipv6-forum", "role": "co_organiser"}],
            "speakers": [
                {"person": "latif-ladid", "role": "keynote"},
                {"person": "kilnam-chon", "role": "speaker"},
            ],
        },
        {
            "slug": "digital-intellectual-property",
            "kind": "sub_forum",
            "title": "Sub-forum: AI and Intellectual Property",
            "room": "meeting-room-2",
            "day": "2024-11-21",
            "start": "09:00",
            "end": "12:00",
            "topic": "digital-development",
            "capacity": 180,
            "description": "Intellectual property rules for AI-generated works and inventions.",
            "organisers": [{"organisation": "wipo", "role": "supporter"}],
            "speakers": [{"person": "francis-gurry", "role": "keynote"}],
        },
        {
            "slug": "embodied-intelligence",
            "kind": "sub_forum",
            "title": "Sub-forum: Robotics and Embodied Intelligence",
            "room": "museum-lecture-hall",
            "day": "2024-11-21",
            "start": "09:30",
            "end": "12:00",
            "topic": "artificial-intelligence",
            "capacity": 150,
            "description": "Robots that learn and act in the physical world.",
            "organisers": [{"organisation": "sant-anna-school", "role": "co_organiser"}],
            "speakers": [{"person": "antonio-frisoli", "role": "keynote"}],
        },
        {
            "slug": "lunch-break-nov-21",
            "kind": "break",
            "title": "Lunch break",
            "venue": "convention-center",
            "day": "2024-11-21",
            "start": "12:00",
            "end": "13:30",
        },
        # Nov 21 afternoon.
        {
            "slug": "think-tank-cooperation",
            "kind": "sub_forum",
            "title": "Sub-forum: Think Tank Cooperation",
            "room": "main-hall",
            "day": "2024-11-21",
            "start": "14:00",
            "end": "17:00",
            "topic": "cyberspace-governance",
            "capacity": 400,
            "description": (
                "Think tanks of the Think Tank Cooperation Program on research and strategy for the internet."
            ),
            "organisers": [{"organisation": "cac-studies", "role": "organiser"}],
            "items": _SUB_FORUM_ITEMS,
        },
        {
            "slug": "digital-academy",
            "kind": "sub_forum",
            "title": "Sub-forum: WIC Digital Academy and Digital Capacity Building",
            "room": "forum-hall-a",
            "day": "2024-11-21",
            "start": "14:00",
            "end": "17:00",
            "topic": "digital-development",
            "capacity": 300,
            "description": "International training in digital transformation, with a focus on emerging economies.",
            "organisers": [{"organisation": "wic", "role": "organiser"}],
            "speakers": [{"person": "ren-xianliang", "role": "speaker"}],
        },
        {
            "slug": "digital-inclusion",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Inclusion",
            "room": "forum-hall-b",
            "day": "2024-11-21",
            "start": "14:00",
            "end": "17:00",
            "topic": "digital-development",
            "capacity": 300,
            "description": "Closing the digital divide between countries, regions and groups.",
            "organisers": [{"organisation": "cisco", "role": "co_organiser"}],
        },
        {
            "slug": "cross-border-e-commerce",
            "kind": "sub_forum",
            "title": "Sub-forum: Cross-border E-commerce",
            "room": "forum-hall-c",
            "day": "2024-11-21",
            "start": "14:00",
            "end": "17:00",
            "topic": "digital-economy",
            "capacity": 250,
            "description": "E-commerce platforms connecting small businesses with world markets.",
            "organisers": [{"organisation": "alibaba-group", "role": "co_organiser"}],
        },
        {
            "slug": "digital-finance",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Finance",
            "room": "meeting-room-1",
            "day": "2024-11-21",
            "start": "14:00",
            "end": "17:00",
            "topic": "digital-economy",
            "capacity": 200,
            "description": "Digital payments and AI in financial services.",
            "organisers": [{"organisation": "ant-group", "role": "co_organiser"}],
        },
        {
            "slug": "smart-cities",
            "kind": "sub_forum",
            "title": "Sub-forum: Smart Cities",
            "room": "meeting-room-2",
            "day": "2024-11-21",
            "start": "14:00",
            "end": "17:00",
            "topic": "infrastructure",
            "capacity": 180,
            "description": "Digital city governance, transport and energy.",
            "organisers": [{"organisation": "china-telecom", "role": "co_organiser"}],
        },
        {
            "slug": "open-source",
            "kind": "sub_forum",
            "title": "Sub-forum: Open Source and Open AI Ecosystems",
            "room": "museum-lecture-hall",
            "day": "2024-11-21",
            "start": "14:00",
            "end": "17:00",
            "topic": "artificial-intelligence",
            "capacity": 150,
            "description": "Open-source models, frameworks and communities.",
            "organisers": [{"organisation": "alibaba-group", "role": "co_organiser"}],
            "speakers": [{"person": "wang-haifeng", "role": "speaker"}],
        },
        # Nov 22 morning.
        {
            "slug": "internet-rule-of-law",
            "kind": "sub_forum",
            "title": "Sub-forum: Internet Rule of Law",
            "room": "main-hall",
            "day": "2024-11-22",
            "start": "09:00",
            "end": "12:00",
            "topic": "cyberspace-governance",
            "capacity": 400,
            "description": "Laws for cyberspace and for AI.",
            "items": _SUB_FORUM_ITEMS,
        },
        {
            "slug": "digital-health",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Health",
            "room": "forum-hall-a",
            "day": "2024-11-22",
            "start": "09:00",
            "end": "12:00",
            "topic": "internet-and-society",
            "capacity": 300,
            "description": "AI and the internet in medicine and public health.",
            "organisers": [{"organisation": "tencent", "role": "co_organiser"}],
        },
        {
            "slug": "intelligent-connected-vehicles",
            "kind": "sub_forum",
            "title": "Sub-forum: Intelligent Connected Vehicles",
            "room": "forum-hall-b",
            "day": "2024-11-22",
            "start": "09:00",
            "end": "12:00",
            "topic": "infrastructure",
            "capacity": 300,
            "description": "Connected and driverless vehicles, and the networks they need.",
            "organisers": [{"organisation": "huawei", "role": "co_organiser"}],
        },
        {
            "slug": "digital-education",
            "kind": "sub_forum",
            "title": "Sub-forum: Digital Education",
            "room": "forum-hall-c",
            "day": "2024-11-22",
            "start": "09:00",
            "end": "12:00",
            "topic": "youth",
            "capacity": 250,
            "description": "Digital literacy and AI skills for students and teachers.",
            "organisers": [{"organisation": "tsinghua-university", "role": "co_organiser"}],
        },
    ],
    "expos": [EXPO_2024],
    "awards": AWARDS_2024,
}

EDITIONS = [EDITION_2017, EDITION_2022, EDITION_2023, EDITION_2024]
