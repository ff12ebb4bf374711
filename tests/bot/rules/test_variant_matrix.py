"""A matrix of variants written for precision (issue 15's classes of false alarm): each class
of story that names two states, a word of the forces and an act without being a bilateral
defence statement, written in each language it occurs in (en, ja, hi, mr) and in several
styles (wire copy, brief, long feature with background, listicle, opinion, headline-only
trap), and the real reports that must keep exactly their own topics. Every sentence is
our own. A variant marked with `gap` still fails: it is kept, strictly expected to fail,
so that the class's open cases stay visible and a fix shows up."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest

from bot.rules import RuleSet
from bot.rules.ruleset import article_from_text


@dataclass(frozen=True)
class V:
    kind: str  # the class of story
    lang: str
    style: str
    topics: list[str]  # what the pack must alert: nothing, for all but the real reports
    title: str
    text: str
    gap: str = ""  # why this variant still alerts wrongly (strictly expected to fail)


VARIANTS: list[V] = [
    # --- acronym-other-body
    V("acronym-other-body", "ja", "wire", [],
      'ACSA、日印の大学と建築教育で協定',
      'ACSA（米国大学建築学校協会）は12日、'
      '日本とインドの大学と建築教育の交流協定に署名した。協会によると、'
      '防災と安全の設計を学ぶ学生を相互に受け入れる。'),
    V("acronym-other-body", "ja", "feature", [],
      '建築を学ぶ若者、太平洋を越える',
      'ACSAは米国とカナダの建築学校でつくる団体で、正式名称は大学建築学校協会という。'
      '\n\nACSAは今週、東京の大学とインドの工科大学との間で、'
      '耐震設計の共同研究に関する覚書に署名した。'
      'かつて防衛施設の設計に携わった教授も参加する。'),
    V("acronym-other-body", "en", "wire", [],
      'ACSA signs exchange pact with Japanese, Indian universities',
      'ACSA on Monday signed an agreement with two Japanese and three Indian '
      'universities. The Association of Collegiate Schools of Architecture said students '
      'would study the design of shelters and defence against earthquakes.'),
    V("acronym-other-body", "hi", "wire", [],
      'एसीएसए ने जापान और भारत के विश्वविद्यालयों से समझौता किया',
      'एसीएसए (अमेरिका के कॉलेजों के वास्तुकला विद्यालयों का संघ) ने सोमवार को जापान और '
      'भारत के पांच विश्वविद्यालयों के साथ छात्र आदान-प्रदान समझौते पर हस्ताक्षर किए। '
      'संघ ने कहा कि छात्र भूकंप से रक्षा वाली इमारतों का डिज़ाइन सीखेंगे।'),
    V("acronym-other-body", "mr", "wire", [],
      'एसीएसएचा जपान व भारतातील विद्यापीठांशी करार',
      'एसीएसए (अमेरिकेतील वास्तुशास्त्र महाविद्यालयांची संघटना) हिने सोमवारी जपान आणि '
      'भारतातील पाच विद्यापीठांशी विद्यार्थी देवाणघेवाण करारावर स्वाक्षरी केली. '
      'भूकंपापासून संरक्षण करणाऱ्या इमारतींचे डिझाइन विद्यार्थी शिकतील, असे संघटनेने '
      'सांगितले.'),
    V("acronym-other-body", "ja", "brief", [],
      '南アの空港会社ACSA、日本企業と提携',
      '南アフリカ空港会社（ACSA）は、'
      '日本とインドの企業と空港の保安検査システムで提携する契約に署名した。'),
    V("acronym-other-body", "en", "brief", [],
      'ACSA, Indian and Japanese firms sign terminal deal',
      'JOHANNESBURG — ACSA signed a contract with an Indian builder and a Japanese maker '
      'of security scanners on Tuesday. The airports operator said its defence against '
      'delays was new baggage lines.'),
    V("acronym-other-body", "hi", "brief", [],
      'एसीएसए ने भारतीय और जापानी कंपनियों के साथ करार किया',
      'दक्षिण अफ्रीका की हवाई अड्डा कंपनी एसीएसए ने मंगलवार को एक भारतीय निर्माण कंपनी '
      'और एक जापानी कंपनी के साथ सुरक्षा जांच मशीनों का समझौता किया।'),
    # --- home-deployment
    V("home-deployment", "en", "feature", [],
      'A quiet changeover at the barracks',
      'Trucks carrying fresh troops crossed into Hong Kong before dawn.\n\nThe rotation of '
      "the People's Liberation Army garrison came as Chinese and British diplomats met "
      'for talks in London, and as Washington and Beijing discussed trade. Analysts said '
      'the move was routine. The garrison has about 6,000 soldiers.'),
    V("home-deployment", "ja", "wire", [],
      '香港駐留部隊が交代\u3000英中協議の直後',
      '【北京共同】中国人民解放軍は3日、香港に駐留する部隊の交代を行った。'
      '前日には英国と中国の外交当局が協議しており、'
      '米国は部隊の展開を注視していると述べた。'),
    V("home-deployment", "en", "wire", [],
      'Army deploys more troops in Manipur; Centre holds talks',
      'The Indian Army sent two more columns to Manipur on Friday as the home ministry '
      'held talks with community leaders. The US embassy issued a travel advisory for '
      'the state.'),
    V("home-deployment", "en", "wire", [],
      'China rotates Hong Kong garrison',
      "BEIJING, Dec 3 (Reuters) — China's army rotated its Hong Kong garrison overnight, "
      "a day after British and Chinese officials held talks on the city's future; the "
      'United States said it was watching the deployment.'),
    V("home-deployment", "en", "feature", [],
      'PLA troops cross into Hong Kong in annual changeover',
      'Chinese and British diplomats held talks in London as fresh PLA troops crossed '
      "into Hong Kong on Tuesday for the garrison's yearly rotation.",
      gap='The pair\'s talks are the main clause and the deployment its "as" clause: read '
          'as talks beside the garrison'),
    V("home-deployment", "en", "brief", [],
      'Hong Kong garrison changes over',
      'China rotated troops of its Hong Kong garrison on Tuesday. Officials of Britain '
      'and China met for talks in London the same day.'),
    V("home-deployment", "ja", "wire", [],
      '香港駐留部隊が交代',
      '【北京共同】中国人民解放軍は3日、香港に駐留する部隊の交代を行った。'
      '前日には英国と中国の外交当局が協議した。'),
    V("home-deployment", "ja", "wire", [],
      '中国軍、香港部隊を交代\u3000英中協議の翌日',
      '中国人民解放軍は3日、香港駐留部隊の兵士を入れ替えた。'
      '英国と中国は2日にロンドンで外交協議を開いていた。'),
    V("home-deployment", "hi", "wire", [],
      'चीन ने हांगकांग में तैनात सैनिक बदले',
      'बीजिंग, 3 दिसंबर। चीन की सेना ने हांगकांग में तैनात अपनी टुकड़ी बदल दी। इससे एक '
      'दिन पहले ब्रिटेन और चीन के अधिकारियों ने बातचीत की। अमेरिका ने कहा कि वह इस '
      'तैनाती पर नजर रख रहा है।'),
    V("home-deployment", "hi", "brief", [],
      'हांगकांग में चीनी सेना की नई टुकड़ी पहुंची',
      'ब्रिटेन और चीन के बीच लंदन में बातचीत के दिन ही चीनी सेना की नई टुकड़ी हांगकांग '
      'पहुंची।'),
    V("home-deployment", "mr", "wire", [],
      'चीनने हाँगकाँगमधील सैन्य तुकडी बदलली',
      'बीजिंग, ता. ३ : चीनच्या लष्कराने हाँगकाँगमध्ये तैनात तुकडी बदलली. त्याआधी एक दिवस '
      'ब्रिटन आणि चीनच्या अधिकाऱ्यांनी चर्चा केली. अमेरिकेने या तैनातीवर लक्ष असल्याचे '
      'सांगितले.'),
    V("home-deployment", "hi", "wire", [],
      'मणिपुर में सेना की और टुकड़ियां तैनात',
      'इंफाल, 5 दिसंबर। सेना ने मणिपुर में दो और टुकड़ियां तैनात कीं। इसी दिन भारत और '
      'अमेरिका के अधिकारियों ने व्यापार पर बातचीत की।'),
    V("home-deployment", "ja", "wire", [],
      '能登に自衛隊を追加派遣',
      '防衛省は5日、能登半島の被災地に自衛隊員1000人を追加派遣した。政府は同日、'
      '米国と支援物資の輸送について協議した。'),
    V("home-deployment", "en", "wire", [],
      'Pentagon sends Guard troops to Los Angeles',
      'WASHINGTON (AP) — The Pentagon sent 2,000 National Guard troops to Los Angeles on '
      'Sunday, a day after the White House held talks with Mexico on border security.'),
    V("home-deployment", "hi", "wire", [],
      'जापान ने ओकिनावा में मिसाइल इकाई तैनात की',
      'टोक्यो, 5 दिसंबर। जापान के रक्षा मंत्रालय ने ओकिनावा के द्वीपों पर मिसाइल इकाई '
      'तैनात की। इससे पहले अमेरिका और जापान के अधिकारियों ने व्यापार पर बातचीत की।'),
    V("home-deployment", "mr", "wire", [],
      'जपानने ओकिनावात क्षेपणास्त्र तुकडी तैनात केली',
      'टोकियो, ता. ५ : जपानच्या संरक्षण मंत्रालयाने ओकिनावा बेटांवर क्षेपणास्त्र तुकडी '
      'तैनात केली. त्याच दिवशी अमेरिका आणि जपानच्या अधिकाऱ्यांनी व्यापारावर चर्चा केली.'),
    V("home-deployment", "en", "wire", [],
      'Russia moves troops into Kaliningrad',
      'Russia moved an armoured brigade into Kaliningrad on Monday, hours after Polish '
      'and German ministers held talks in Warsaw.'),
    # --- missing-state
    V("missing-state", "hi", "wire", [],
      'भारत, स्वीडन और अमेरिका के नौसेना प्रमुखों ने बैठक की',
      'स्टॉकहोम में भारत, स्वीडन और अमेरिका के नौसेना प्रमुखों ने समुद्री सुरक्षा पर '
      'बातचीत की।'),
    V("missing-state", "mr", "wire", [],
      'भारत, फिनलंड आणि जपानच्या संरक्षण अधिकाऱ्यांची बैठक',
      'हेलसिंकी येथे भारत, फिनलंड आणि जपानच्या संरक्षण अधिकाऱ्यांनी आर्क्टिक सुरक्षेवर '
      'चर्चा केली.'),
    V("missing-state", "ja", "wire", [],
      '日本・ノルウェー・米国の海軍が北極で訓練',
      '海上自衛隊とノルウェー海軍、米海軍は北極海で共同訓練を行った。'),
    V("missing-state", "ja", "brief", ['bilateral-defence'],
      '日本とウズベキスタン、防衛交流で覚書',
      '日本とウズベキスタンは防衛交流に関する覚書に署名した。米国も歓迎した。'),
    V("missing-state", "mr", "brief", ['bilateral-defence'],
      'भारत-कझाकस्तान संयुक्त लष्करी सराव सुरू',
      'भारत आणि कझाकस्तानच्या लष्कराचा संयुक्त सराव सोमवारी सुरू झाला. अमेरिकेचे '
      'निरीक्षक उपस्थित होते.'),
    # --- group-exercise
    V("group-exercise", "en", "headline", [],
      'Indian, Japanese jets fly together over Darwin',
      'Sukhoi and F-15 fighters flew in one formation on Tuesday during Pitch Black, '
      "which this year brings together 17 air forces under Australia's command."),
    V("group-exercise", "en", "feature", [],
      'Indian, Japanese fighters share the skies of the Top End',
      'Two of the newest guests at the air exercise hosted by the Royal Australian Air '
      'Force flew a joint sortie on Wednesday. The Indian Air Force and the Japan Air '
      'Self-Defense Force pilots refuelled from the same tanker. More than a dozen '
      'nations take part.'),
    V("group-exercise", "ja", "wire", [],
      'ピッチブラックで日印の戦闘機が編隊飛行',
      '豪州北部ダーウィンで開かれている多国間共同訓練ピッチブラックで、'
      '航空自衛隊とインド空軍の戦闘機が編隊飛行した。訓練には17カ国が参加している。'),
    V("group-exercise", "hi", "wire", [],
      'डार्विन के आसमान में भारतीय और जापानी लड़ाकू विमानों ने साथ उड़ान भरी',
      'ऑस्ट्रेलिया में चल रहे बहुराष्ट्रीय हवाई अभ्यास पिच ब्लैक में भारतीय वायुसेना और '
      'जापान के लड़ाकू विमानों ने मंगलवार को एक साथ उड़ान भरी। इस अभ्यास में 17 देश '
      'हिस्सा ले रहे हैं।'),
    V("group-exercise", "mr", "wire", [],
      'डार्विनच्या आकाशात भारतीय आणि जपानी लढाऊ विमानांचे एकत्र उड्डाण',
      'ऑस्ट्रेलियात सुरू असलेल्या बहुराष्ट्रीय पिच ब्लॅक हवाई सरावात भारतीय हवाई दल आणि '
      'जपानच्या लढाऊ विमानांनी मंगळवारी एकत्र उड्डाण केले. या सरावात १७ देश सहभागी आहेत.'),
    V("group-exercise", "en", "wire", [],
      'Indian, US warships sail in formation off Hawaii',
      'INS Shivalik and a US destroyer sailed side by side on Friday in RIMPAC, the '
      "world's largest naval exercise, which 29 nations are attending this year."),
    V("group-exercise", "ja", "wire", [],
      'リムパックで海自と印海軍が共同訓練',
      'ハワイ沖で行われている環太平洋合同演習（リムパック）で、'
      '海上自衛隊の護衛艦とインド海軍のフリゲートが共同で洋上補給の訓練を行った。'
      '演習には29カ国が参加。'),
    V("group-exercise", "en", "wire", [],
      'Japanese, Indian troops drill on Queensland beach',
      'Japanese and Indian soldiers stormed a beach together on Thursday in Talisman '
      'Sabre, which brings more than 30,000 troops of 19 nations to Australia.',
      gap='Guests of a named exercise of two other states, in a lead that counts its '
          'nations only as "troops of 19 nations": read as the pair\'s drill'),
    V("group-exercise", "hi", "brief", [],
      'फिलीपींस में भारत और जापान के पायलटों ने साथ अभ्यास किया',
      'फिलीपींस में हो रहे बहुराष्ट्रीय वायु अभ्यास में भारत और जापान के पायलटों ने एक '
      'साथ उड़ान भरी। इस अभ्यास में दस देशों की वायुसेनाएं शामिल हैं।'),
    # --- group-forum
    V("group-forum", "hi", "wire", [],
      'क्वाड विदेश मंत्रियों की बैठक में भारत और जापान ने रक्षा सहयोग पर बात की',
      'टोक्यो में हुई क्वाड की बैठक में भारत, अमेरिका, जापान और ऑस्ट्रेलिया के विदेश '
      'मंत्रियों ने समुद्री सुरक्षा पर चर्चा की।'),
    V("group-forum", "mr", "wire", [],
      'एडीएमएम-प्लस बैठकीत भारत आणि ऑस्ट्रेलियाचा सहभाग',
      'क्वालालंपूर येथे झालेल्या आसियान संरक्षणमंत्र्यांच्या बैठकीत भारत, ऑस्ट्रेलिया, '
      'जपान आणि अमेरिकेसह अठरा देशांचे मंत्री सहभागी झाले. सागरी सुरक्षेवर चर्चा झाली.'),
    V("group-forum", "ja", "wire", [],
      'シャングリラ会合\u3000日豪防衛相が演説',
      'シンガポールで開かれたアジア安全保障会議（シャングリラ会合）で、'
      '日本とオーストラリアの防衛相が相次いで演説し、中国の海洋進出を批判した。'),
    V("group-forum", "en", "wire", [],
      'G20 ministers wrap up in Delhi',
      'Foreign ministers of the G20 ended two days of talks in New Delhi. Japan and '
      "Australia pressed for language on maritime security; India's defence minister "
      'hosted a dinner.'),
    V("group-forum", "hi", "wire", [],
      'सुरक्षा परिषद में भारत और जापान ने सुधार की मांग की',
      'संयुक्त राष्ट्र सुरक्षा परिषद की बैठक में भारत और जापान ने परिषद के विस्तार और '
      'शांति सेना के सुधार पर बात की।'),
    V("group-forum", "en", "brief", [],
      'Quad ministers agree on coast guard observers',
      'The foreign ministers of Australia, India, Japan and the United States met in '
      "Tokyo on Monday and agreed to put coast guard observers on each other's vessels."),
    V("group-forum", "ja", "brief", [],
      '日米豪印外相、沿岸警備で協力',
      '日本、米国、オーストラリア、インドの4カ国外相は東京で会合を開き、'
      '互いの巡視船に沿岸警備の要員を乗せることで合意した。'),
    V("group-forum", "hi", "brief", [],
      'क्वाड के विदेश मंत्री तटरक्षक सहयोग पर सहमत',
      'ऑस्ट्रेलिया, भारत, जापान और अमेरिका के विदेश मंत्रियों ने टोक्यो में बैठक की और '
      'एक-दूसरे के जहाजों पर तटरक्षक पर्यवेक्षक तैनात करने पर सहमति जताई।'),
    V("group-forum", "mr", "brief", [],
      'क्वाड परराष्ट्र मंत्र्यांचा तटरक्षक सहकार्यावर निर्णय',
      'ऑस्ट्रेलिया, भारत, जपान आणि अमेरिकेच्या परराष्ट्र मंत्र्यांनी टोकियोत बैठक घेतली '
      'आणि एकमेकांच्या जहाजांवर तटरक्षक निरीक्षक ठेवण्याचे ठरवले.'),
    V("group-forum", "en", "opinion", [],
      'The Quad in Delhi: fewer slogans, more patrols',
      'When the foreign ministers of Australia, India, Japan and the United States met '
      "in New Delhi on Tuesday, they agreed to share each other's coast guard patrol "
      'data.\n\nIndia still insists the grouping is not a military alliance, and the joint '
      'statement again avoided naming China while expressing grave concern about '
      'coercion at sea.\n\nMinisters now meet every year; Canberra values that India keeps '
      'turning up, and Washington and Tokyo want more.'),
    V("group-forum", "hi", "opinion", [],
      'क्वाड की दिल्ली बैठक: नारे कम, गश्त ज्यादा',
      'ऑस्ट्रेलिया, भारत, जापान और अमेरिका के विदेश मंत्रियों ने मंगलवार को नई दिल्ली '
      'में मुलाकात की और एक-दूसरे के तटरक्षक गश्त के आंकड़े साझा करने पर सहमति दी।\n\nभारत '
      'अब भी कहता है कि यह समूह सैन्य गठबंधन नहीं है, और संयुक्त बयान में चीन का नाम लिए '
      'बिना समुद्र में दबाव पर गंभीर चिंता जताई गई।\n\nमंत्री अब हर साल मिलते हैं; '
      'ऑस्ट्रेलिया के लिए अहम है कि भारत हर बार आता है, और अमेरिका व जापान और ज्यादा '
      'चाहते हैं।'),
    V("group-forum", "mr", "opinion", [],
      'क्वाडची दिल्ली बैठक: घोषणा कमी, गस्त जास्त',
      'ऑस्ट्रेलिया, भारत, जपान आणि अमेरिकेच्या परराष्ट्र मंत्र्यांनी मंगळवारी नवी '
      'दिल्लीत भेट घेतली आणि एकमेकांच्या तटरक्षक गस्तीची माहिती देण्याचे ठरवले.\n\nहा गट '
      'लष्करी आघाडी नाही, असे भारत अजूनही सांगतो आणि संयुक्त निवेदनात चीनचे नाव न घेता '
      'समुद्रातील दबावाबद्दल तीव्र चिंता व्यक्त केली.\n\nमंत्री आता दरवर्षी भेटतात; भारत '
      'प्रत्येक वेळी येतो याचे ऑस्ट्रेलियाला महत्त्व आहे, तर अमेरिका व जपानला अधिक हवे '
      'आहे.'),
    V("group-forum", "ja", "opinion", [],
      '日米豪印外相会合\u3000スローガンより巡視',
      '日本、米国、オーストラリア、インドの外相は火曜、ニューデリーで会合し、'
      '互いの沿岸警備の巡視情報を共有することで一致した。'
      '\n\nインドは枠組みが軍事同盟ではないと強調し、'
      '共同声明は中国を名指しせずに海洋での威圧に深刻な懸念を示した。'
      '\n\n外相会合は毎年開かれ、豪州はインドが毎回参加することを重視し、'
      '米国と日本はさらに多くを求めている。'),
    # --- adversaries
    V("adversaries", "en", "wire", [],
      'Four ministers skirt China in statement',
      'The statement avoided naming China. India said the grouping was not a military '
      'bloc, and Japan joined it in expressing serious concern about coercion at sea.'),
    V("adversaries", "hi", "brief", [],
      'बयान में चीन का नाम नहीं',
      'भारत ने कहा कि यह समूह सैन्य गठबंधन नहीं है और समुद्र में दबाव की घटनाओं पर चीन '
      'को लेकर गंभीर चिंता व्यक्त की।'),
    V("adversaries", "mr", "brief", [],
      'निवेदनात चीनचा उल्लेख टाळला',
      'भारताने हा गट लष्करी आघाडी नसल्याचे सांगितले आणि समुद्रातील दबावाबाबत चीनविषयी '
      'तीव्र चिंता व्यक्त केली.'),
    V("adversaries", "ja", "brief", [],
      '共同声明、中国名指し避ける',
      'インドは枠組みが軍事同盟ではないと強調し、'
      '海洋での威圧について中国に深刻な懸念を表明した。'),
    # --- dateline
    V("dateline", "ja", "wire", [],
      '米国防長官が辞任表明',
      '【ワシントン共同】米国防長官は4日、一身上の都合で辞任すると表明した。'
      '日本政府関係者は日米同盟への影響はないとの見方を示した。'),
    V("dateline", "ja", "brief", [],
      '米国務副長官が辞任',
      '【ワシントン＝共同】米国務副長官が3日、辞任した。日本との経済協議を担当しており、'
      '後任は未定。'),
    V("dateline", "en", "wire", [],
      'Pentagon spokesman resigns',
      "WASHINGTON (AP) — The Pentagon's chief spokesman resigned on Tuesday after a "
      "dispute over leaks. He had briefed reporters during the defense secretary's trip "
      'to Japan.'),
    V("dateline", "hi", "wire", [],
      'अमेरिकी रक्षा मंत्री का इस्तीफा',
      'वॉशिंगटन, 4 दिसंबर (एपी)। अमेरिका के रक्षा मंत्री ने मंगलवार को इस्तीफा दे दिया। '
      'उन्होंने पिछले महीने जापान की यात्रा की थी।'),
    V("dateline", "mr", "wire", [],
      'अमेरिकेच्या संरक्षणमंत्र्यांचा राजीनामा',
      'वॉशिंग्टन, ता. ४ (वृत्तसंस्था) : अमेरिकेच्या संरक्षणमंत्र्यांनी मंगळवारी राजीनामा '
      'दिला. गेल्या महिन्यात त्यांनी जपानचा दौरा केला होता.'),
    V("dateline", "ja", "wire", [],
      '米連邦最高裁、軍の予算めぐる訴え退ける',
      '【ワシントン共同】米連邦最高裁は5日、国防予算の執行をめぐる訴えを退けた。'
      '日本の防衛省も判決に関心を寄せていた。'),
    V("dateline", "ja", "wire", [],
      'インド下院、予算案を可決',
      '【ニューデリー共同】インド下院は6日、国防費を増額する予算案を可決した。'
      '日本の円借款による地下鉄事業の予算も含まれる。'),
    V("dateline", "en", "wire", [],
      "India's parliament passes defence budget",
      "NEW DELHI (Reuters) — India's lower house passed a budget raising defence "
      'spending by 9 per cent on Wednesday. It also funds a metro line built with '
      'Japanese loans.'),
    # --- wrong-place
    V("wrong-place", "en", "wire", [],
      'Washington National Guard trains with Japanese firefighters',
      'The Washington National Guard and a team of Japanese firefighters held a joint '
      "drill on wildfires near Spokane on Friday, the state's governor said after talks "
      'in Olympia.'),
    V("wrong-place", "ja", "wire", [],
      'ワシントン州兵と日本の消防隊が合同訓練',
      'ワシントン州の州兵と日本の消防隊は、山火事を想定した合同訓練を行った。'
      '州知事は日本の総領事と協議した。'),
    V("wrong-place", "hi", "wire", [],
      'वॉशिंगटन राज्य के नेशनल गार्ड ने भारतीय दल के साथ अभ्यास किया',
      'वॉशिंगटन राज्य के नेशनल गार्ड और भारत के आपदा राहत दल ने जंगल की आग पर संयुक्त '
      'अभ्यास किया। राज्य के गवर्नर ने भारतीय वाणिज्य दूत से बातचीत की।'),
    V("wrong-place", "hi", "brief", [],
      'वॉशिंगटन विश्वविद्यालय और आईआईटी में रक्षा अनुसंधान समझौता',
      'वॉशिंगटन विश्वविद्यालय ने भारत के एक आईआईटी के साथ ड्रोन अनुसंधान समझौते पर '
      'हस्ताक्षर किए।'),
    V("wrong-place", "mr", "brief", [],
      'वॉशिंग्टन विद्यापीठाचा पुण्यातील संस्थेशी करार',
      'वॉशिंग्टन विद्यापीठाने भारतातील एका संस्थेशी ड्रोन संशोधन करारावर स्वाक्षरी केली. '
      'लष्करासाठी उपयुक्त तंत्रज्ञानावर काम होईल.'),
    V("wrong-place", "en", "wire", [],
      'Tribe signs cleanup accord with Army Corps',
      'The Yakama Nation, a Native American tribe, signed an agreement with the US Army '
      'Corps of Engineers on Thursday to clean up a former bombing range, after talks '
      'with the Japanese-owned firm that leases the land.'),
    V("wrong-place", "hi", "wire", [],
      'अमेरिकी मूल निवासी जनजाति का सेना से समझौता',
      'अमेरिकी मूल निवासी एक जनजाति ने अमेरिकी सेना के इंजीनियरों के साथ पुराने बमबारी '
      'क्षेत्र की सफाई के समझौते पर हस्ताक्षर किए। जनजाति के नेताओं ने भारत से आए '
      'पर्यटकों से भी मुलाकात की।'),
    V("wrong-place", "ja", "wire", [],
      '米先住民部族、陸軍と浄化協定',
      'アメリカ先住民の部族は、米陸軍工兵隊と旧射爆場の浄化に関する協定に署名した。'
      '日本企業とも協議している。'),
    V("wrong-place", "en", "wire", [],
      'Georgia Guard hosts Japanese officers',
      'Soldiers of the Georgia National Guard in Atlanta trained with Japanese officers '
      "on disaster response this week, after the governor held talks with Japan's consul "
      'general.'),
    # --- domestic-politics
    V("domestic-politics", "ja", "wire", [],
      '韓国国会、大統領の弾劾訴追案を可決',
      '韓国国会は14日、大統領の弾劾訴追案を可決した。大統領代行は米国大使と電話で会談し、'
      '米韓同盟と日本との安全保障協力は変わらないと強調した。'),
    V("domestic-politics", "hi", "wire", [],
      'दक्षिण कोरिया की संसद ने राष्ट्रपति पर महाभियोग चलाया',
      'सियोल, 14 दिसंबर। दक्षिण कोरिया की संसद ने शनिवार को राष्ट्रपति के खिलाफ महाभियोग '
      'प्रस्ताव पारित किया। कार्यवाहक राष्ट्रपति ने अमेरिकी राजदूत से बातचीत की और कहा '
      'कि सैन्य गठबंधन और जापान के साथ रक्षा सहयोग जारी रहेगा।'),
    V("domestic-politics", "mr", "wire", [],
      'दक्षिण कोरियाच्या अध्यक्षांवर महाभियोग',
      'सोल, ता. १४ : दक्षिण कोरियाच्या संसदेने अध्यक्षांविरुद्ध महाभियोग प्रस्ताव मंजूर '
      'केला. हंगामी अध्यक्षांनी अमेरिकेच्या राजदूतांशी चर्चा केली आणि जपानसोबतचे संरक्षण '
      'सहकार्य कायम राहील, असे सांगितले.'),
    V("domestic-politics", "en", "feature", [],
      "Seoul's week of turmoil",
      'Parliament voted to impeach the president on Saturday.\n\nThe acting president '
      'spent the evening on the phone: he spoke with the US secretary of state and '
      "Japan's prime minister, and said the defence alliance with Washington and "
      'security talks with Tokyo would go on.'),
    # --- prisoner-swap
    V("prisoner-swap", "ja", "headline", [],
      '米ロが囚人交換\u3000アブダビで',
      '米国とロシアは1日、アブダビで囚人を交換した。'
      'スパイ罪で服役していた元米海兵隊員が釈放され、両政府は数カ月にわたり協議していた。',
      gap='米ロ is no pair word (米ロサンゼルス, 米ロケット share it): the headline '
          'names one state, so the swap is not read as two at odds'),
    V("prisoner-swap", "ja", "wire", [],
      '米露が囚人交換',
      '米国とロシアは1日、アブダビで囚人を交換した。'
      'スパイ罪で服役していた元米海兵隊員が釈放され、両政府は数カ月にわたり協議していた。'),
    V("prisoner-swap", "hi", "wire", [],
      'अमेरिका और रूस ने कैदियों की अदला-बदली की',
      'अबू धाबी, 1 अगस्त। अमेरिका और रूस ने गुरुवार को कैदियों की अदला-बदली की। जासूसी '
      'के आरोप में जेल में बंद एक पूर्व अमेरिकी सैनिक को रिहा किया गया। दोनों सरकारों ने '
      'महीनों तक बातचीत की थी।'),
    V("prisoner-swap", "mr", "wire", [],
      'अमेरिका-रशियामध्ये कैद्यांची अदलाबदल',
      'अबुधाबी, ता. १ : अमेरिका आणि रशियाने गुरुवारी कैद्यांची अदलाबदल केली. हेरगिरीच्या '
      'आरोपाखाली तुरुंगात असलेल्या माजी अमेरिकी सैनिकाची सुटका झाली. दोन्ही सरकारांनी '
      'अनेक महिने चर्चा केली होती.'),
    V("prisoner-swap", "en", "wire", [],
      'Israel and Hamas agree hostage deal; Qatar, Egypt mediated',
      "Israel's army said it would pause operations after Qatar and Egypt brokered an "
      'agreement on the release of hostages, with the United States holding talks with '
      'both.'),
    # --- private-defence
    V("private-defence", "ja", "wire", [],
      '日印の部品メーカーが提携\u3000サイバー防衛力を強化',
      '東京の部品メーカーはインドの提携先と供給契約に署名した。'
      '同社はサイバー攻撃に対する防衛力を高めると説明した。'),
    V("private-defence", "hi", "wire", [],
      'जापानी कंपनी और भारतीय साझेदार के बीच आपूर्ति समझौता',
      'टोक्यो की एक रोबोट निर्माता कंपनी ने भारत की एक कंपनी के साथ आपूर्ति समझौते पर '
      'हस्ताक्षर किए। कंपनी ने कहा कि इससे साइबर हमलों के खिलाफ उसकी रक्षा क्षमता मजबूत '
      'होगी।'),
    V("private-defence", "mr", "wire", [],
      'जपानी कंपनीचा भारतीय भागीदाराशी पुरवठा करार',
      'टोकियोतील एका रोबोट उत्पादक कंपनीने भारतातील भागीदार कंपनीशी पुरवठा करारावर '
      'स्वाक्षरी केली. सायबर हल्ल्यांपासून संरक्षण क्षमता वाढेल, असे कंपनीने सांगितले.'),
    V("private-defence", "ja", "opinion", [],
      '日本とインド、私の家族の両側',
      '祖父はインド陸軍に勤め、祖母の兄は日本の海軍の水兵だった。'
      '二人は一度だけ結婚式で会い、三時間もクリケットについて話し合った。'),
    V("private-defence", "hi", "opinion", [],
      'मेरे परिवार के दोनों पक्ष: भारत और जापान',
      'मेरे दादा भारतीय सेना में थे और दादी के भाई जापानी नौसेना में नाविक थे। दोनों एक '
      'शादी में मिले और तीन घंटे तक क्रिकेट पर चर्चा की।'),
    V("private-defence", "mr", "opinion", [],
      'माझ्या कुटुंबाच्या दोन बाजू: भारत आणि जपान',
      'माझे आजोबा भारतीय लष्करात होते आणि आजीचे भाऊ जपानी नौदलात खलाशी होते. ते एकदाच '
      'एका लग्नात भेटले आणि तीन तास क्रिकेटवर चर्चा केली.'),
    V("private-defence", "en", "opinion", [],
      'Why a Japanese robot maker bet on Pune',
      "The firm's chief says its tie-up with an Indian partner will strengthen its "
      'defense capabilities against hackers. Tokyo and New Delhi, he notes, signed many '
      'pacts over the years; his is about servo motors.'),
    # --- listicle
    V("listicle", "en", "listicle", [],
      'Ten war films to watch this weekend',
      '1. Tora! Tora! Tora! (1970) — American and Japanese forces on the eve of Pearl '
      'Harbor.\n2. Midway (2019) — the US Navy and the Imperial Japanese Navy clash in '
      'the Pacific.\n3. Border (1997) — Indian and Pakistani troops fight at Longewala.'),
    V("listicle", "ja", "listicle", [],
      '週末に観たい戦争映画10選',
      '1. 『トラ・トラ・トラ！』（1970年）米海軍と日本海軍の開戦前夜を描く。\n2. '
      '『ミッドウェイ』（2019年）米軍と日本軍が太平洋で激突する。'),
    V("listicle", "hi", "listicle", [],
      'इस सप्ताहांत देखें ये 10 युद्ध फिल्में',
      '1. बॉर्डर (1997): लोंगेवाला में भारतीय और पाकिस्तानी सेना के बीच युद्ध।\n2. मिडवे '
      '(2019): अमेरिकी नौसेना और जापानी नौसेना की प्रशांत में टक्कर।'),
    V("listicle", "mr", "listicle", [],
      'या आठवड्यात पाहा हे युद्धपट',
      '१. बॉर्डर (१९९७): लोंगेवाला येथे भारतीय आणि पाकिस्तानी सैन्यातील लढाई.\n२. मिडवे '
      '(२०१९): अमेरिकी नौदल आणि जपानी नौदलाची प्रशांत महासागरात लढाई.'),
    V("listicle", "en", "listicle", [],
      "Five things to know about Japan's new defence budget",
      '1. It is the largest ever.\n2. It pays for missiles bought from the United '
      'States.\n3. It funds exercises with Australia and India.\n4. It adds cyber '
      'units.\n5. It is debated in the Diet.'),
    V("listicle", "hi", "listicle", [],
      'जापान के रक्षा बजट की पांच खास बातें',
      '1. यह अब तक का सबसे बड़ा बजट है।\n2. इसमें अमेरिका से खरीदी जाने वाली मिसाइलों का '
      'खर्च है।\n3. ऑस्ट्रेलिया और भारत के साथ अभ्यास के लिए धन है।'),
    V("listicle", "mr", "listicle", [],
      'जपानच्या संरक्षण अर्थसंकल्पातील पाच ठळक मुद्दे',
      '१. हा आजवरचा सर्वात मोठा अर्थसंकल्प आहे.\n२. अमेरिकेकडून घेतल्या जाणाऱ्या '
      'क्षेपणास्त्रांचा खर्च यात आहे.\n३. ऑस्ट्रेलिया आणि भारतासोबतच्या सरावांसाठी निधी '
      'आहे.'),
    V("listicle", "ja", "listicle", [],
      '防衛白書のポイント5つ',
      '1. 中国の軍事活動を最大の戦略的挑戦と位置づけた。\n2. 米国との同盟の抑止力を強調。'
      '\n3. 豪州やインドとの訓練を拡大。'),
    V("listicle", "en", "reference", [],
      'List of Indian war films',
      'This is a list of war films made in India.\n\nHaqeeqat (1964) – Indian soldiers '
      'hold a pass against Chinese troops.\nBorder (1997) – the battle of Longewala '
      'between Indian and Pakistani forces.\nThe Ghazi Attack (2017) – an Indian '
      'submarine hunts a Pakistani one.\nSakura Front (2021) – an India–Japan '
      'co-production about two army doctors; the studios of both countries signed the '
      'deal after talks in Tokyo.'),
    V("listicle", "ja", "reference", [],
      '戦争映画の一覧',
      '以下は太平洋戦争を描いた映画の一覧である。\n\n『トラ・トラ・トラ！』（1970年）– '
      '日米合作。真珠湾攻撃を日米双方の視点から描く。'
      '両国の映画会社が契約を結んで製作した。\n『ミッドウェイ』（1976年）– '
      '米海軍と日本海軍の海戦。\n『硫黄島からの手紙』（2006年）– 日本軍の守備隊を描く。'),
    V("listicle", "hi", "reference", [],
      'भारतीय युद्ध फिल्मों की सूची',
      'यह भारत में बनी युद्ध फिल्मों की सूची है।\n\nहकीकत (1964) – भारतीय सैनिक चीनी सेना '
      'के सामने दर्रे की रक्षा करते हैं।\nबॉर्डर (1997) – लोंगेवाला में भारतीय और '
      'पाकिस्तानी सेनाओं की लड़ाई।\nसाकुरा फ्रंट (2021) – भारत-जापान सह-निर्माण, दो सैन्य '
      'डॉक्टरों की कहानी; दोनों देशों के स्टूडियो ने टोक्यो में बातचीत के बाद समझौता '
      'किया।'),
    V("listicle", "mr", "reference", [],
      'भारतीय युद्धपटांची यादी',
      'ही भारतात बनलेल्या युद्धपटांची यादी आहे.\n\nहकीकत (१९६४) – भारतीय सैनिक चिनी '
      'सैन्याविरुद्ध खिंड लढवतात.\nबॉर्डर (१९९७) – लोंगेवाला येथील भारतीय आणि पाकिस्तानी '
      'सैन्यातील लढाई.\nसाकुरा फ्रंट (२०२१) – भारत-जपान सहनिर्मिती, दोन लष्करी डॉक्टरांची '
      'कथा; दोन्ही देशांच्या स्टुडिओंनी टोकियोत चर्चा करून करार केला.'),
    # --- history
    V("history", "en", "feature", [],
      'Sixty-five years on, the treaty that toppled Kishi',
      'In June 1960, Prime Minister Kishi pushed the revised security treaty with the '
      'United States through the Diet as crowds filled the streets. Kishi and Eisenhower '
      'had signed the pact in Washington in January; he resigned weeks later.'),
    V("history", "ja", "feature", [],
      '安保改定から65年\u3000岸首相退陣の夏',
      '岸信介首相は1960年1月、ワシントンで日米安全保障条約の改定に署名した。'
      '国会周辺は連日デモ隊に囲まれ、岸氏は条約発効後に退陣した。'),
    V("history", "hi", "feature", [],
      '1960 की संधि और किशी का इस्तीफा',
      'जनवरी 1960 में जापान के प्रधानमंत्री किशी ने वॉशिंगटन में अमेरिका के साथ संशोधित '
      'सुरक्षा संधि पर हस्ताक्षर किए थे। संसद में इसे पारित कराने के बाद किशी को इस्तीफा '
      'देना पड़ा।'),
    V("history", "mr", "feature", [],
      '१९६० चा सुरक्षा करार आणि किशी यांचा राजीनामा',
      'जानेवारी १९६० मध्ये जपानचे पंतप्रधान किशी यांनी वॉशिंग्टनमध्ये अमेरिकेसोबत '
      'सुधारित सुरक्षा करारावर स्वाक्षरी केली. करार मंजूर झाल्यानंतर किशी यांना राजीनामा '
      'द्यावा लागला.'),
    # --- other-field
    V("other-field", "ja", "wire", [],
      'JICA、インドに円借款\u3000地下鉄と港湾',
      '国際協力機構（JICA）は10日、インド政府と地下鉄と港湾整備の円借款契約に署名した。'
      '日印両国は経済安全保障の協力も確認した。'),
    V("other-field", "hi", "wire", [],
      'जापान ने भारत को मेट्रो के लिए ऋण दिया',
      'नई दिल्ली, 10 दिसंबर। जापान अंतरराष्ट्रीय सहयोग एजेंसी (जाइका) और भारत सरकार ने '
      'मेट्रो और बंदरगाह परियोजनाओं के लिए ऋण समझौतों पर हस्ताक्षर किए। दोनों देशों ने '
      'आर्थिक सुरक्षा में सहयोग पर भी चर्चा की।'),
    V("other-field", "mr", "wire", [],
      'जपानकडून भारताला मेट्रोसाठी कर्ज',
      'नवी दिल्ली, ता. १० : जपानची जायका संस्था आणि भारत सरकार यांनी मेट्रो व बंदर '
      'प्रकल्पांसाठी कर्ज करारांवर स्वाक्षरी केली. दोन्ही देशांनी आर्थिक सुरक्षेतील '
      'सहकार्यावरही चर्चा केली.'),
    V("other-field", "hi", "wire", [],
      'बुलेट ट्रेन: भारत और जापान ने नए समझौते किए',
      'भारत और जापान ने मुंबई-अहमदाबाद बुलेट ट्रेन परियोजना के अगले चरण के लिए समझौतों '
      'पर हस्ताक्षर किए। दोनों देशों के मंत्रियों ने परियोजना की सुरक्षा और समय-सीमा पर '
      'बातचीत की।'),
    V("other-field", "mr", "wire", [],
      'बुलेट ट्रेनसाठी भारत-जपान करार',
      'भारत आणि जपानने मुंबई-अहमदाबाद बुलेट ट्रेन प्रकल्पाच्या पुढील टप्प्यासाठी '
      'करारांवर स्वाक्षरी केली. दोन्ही देशांच्या मंत्र्यांनी प्रकल्पाच्या सुरक्षेवर '
      'चर्चा केली.'),
    V("other-field", "ja", "wire", [],
      '新幹線方式の高速鉄道、日印が追加契約',
      '日本とインドは、ムンバイ―アーメダバード間の高速鉄道計画で追加の契約に署名した。'
      '両国の閣僚は安全対策について協議した。'),
    V("other-field", "en", "wire", [],
      'India, Japan sign pact on skilled workers',
      'India and Japan signed a memorandum on Tuesday that lets nurses and caregivers '
      "work in Japan; the ministers also discussed security of the workers' pay."),
    V("other-field", "hi", "wire", [],
      'भारत और ऑस्ट्रेलिया के बीच कामगारों की आवाजाही पर समझौता',
      'भारत और ऑस्ट्रेलिया ने युवा पेशेवरों और कामगारों की आवाजाही के लिए समझौते पर '
      'हस्ताक्षर किए। दोनों देशों के मंत्रियों ने कामगारों की सुरक्षा पर भी बातचीत की।'),
    V("other-field", "mr", "wire", [],
      'भारत-ऑस्ट्रेलिया कामगार गतिशीलता करार',
      'भारत आणि ऑस्ट्रेलियाने तरुण व्यावसायिक आणि कामगारांच्या गतिशीलतेसाठी करारावर '
      'स्वाक्षरी केली. कामगारांच्या सुरक्षेवरही दोन्ही देशांनी चर्चा केली.'),
    V("other-field", "ja", "wire", [],
      '日豪、若年労働者の往来で合意',
      '日本とオーストラリアは、若い労働者の往来を広げる協定に署名した。'
      '両国の閣僚は労働者の安全確保についても協議した。'),
    # --- second-sense
    V("second-sense", "hi", "headline", [],
      'उपभोक्ता अधिकारों की रक्षा: भारत और जापान में समझौता',
      'भारत और जापान के उपभोक्ता मामलों के मंत्रालयों ने ऑनलाइन खरीदारों के अधिकारों की '
      'रक्षा के लिए समझौते पर हस्ताक्षर किए।'),
    V("second-sense", "hi", "brief", [],
      'पर्यावरण की रक्षा के लिए भारत-ऑस्ट्रेलिया साझेदारी',
      'भारत और ऑस्ट्रेलिया ने प्रवाल भित्तियों की रक्षा के लिए संयुक्त कार्यक्रम पर '
      'समझौता किया।'),
    V("second-sense", "hi", "feature", [],
      'रक्षाबंधन पर अमेरिका से आई राखी',
      'अमेरिका में रहने वाली बहन ने भारत में अपने भाई को राखी भेजी। दोनों देशों के डाक '
      'विभागों ने इस बार तेज डिलीवरी का समझौता किया है।'),
    V("second-sense", "hi", "wire", [],
      'भारत-जापान द्विपक्षीय व्यापार रिकॉर्ड स्तर पर',
      'भारत और जापान के बीच द्विपक्षीय व्यापार पिछले वर्ष 25 अरब डॉलर पहुंच गया। दोनों '
      'देशों के वाणिज्य मंत्रियों ने बातचीत की।'),
    V("second-sense", "mr", "wire", [],
      'भारत-जपान द्विपक्षीय व्यापार विक्रमी पातळीवर',
      'भारत आणि जपानमधील द्विपक्षीय व्यापार गेल्या वर्षी २५ अब्ज डॉलरवर पोहोचला. दोन्ही '
      'देशांच्या वाणिज्य मंत्र्यांनी चर्चा केली.'),
    V("second-sense", "mr", "brief", [],
      'पीक संरक्षणासाठी भारत-जपान सहकार्य करार',
      'भारत आणि जपानने पीक संरक्षण आणि कीटकनाशकांच्या संशोधनासाठी सहकार्य करारावर '
      'स्वाक्षरी केली.'),
    V("second-sense", "mr", "wire", [],
      'वन्यजीव संरक्षणासाठी भारत-ऑस्ट्रेलिया करार',
      'भारत आणि ऑस्ट्रेलियाने वन्यजीव संरक्षण आणि वनांच्या व्यवस्थापनासाठी करार केला. '
      'दोन्ही देशांच्या मंत्र्यांनी बैठक घेतली.'),
    V("second-sense", "mr", "wire", [],
      'डेटा संरक्षणावर भारत-अमेरिका चर्चा',
      'भारत आणि अमेरिकेच्या अधिकाऱ्यांनी वैयक्तिक माहितीच्या संरक्षणासाठी नवीन नियमांवर '
      'चर्चा केली आणि करार केला.'),
    V("second-sense", "ja", "wire", [],
      '日本人王者、米国の挑戦者退け防衛',
      'ボクシングの世界戦で、日本人王者が米国の挑戦者に判定勝ちし、'
      '3度目の防衛に成功した。両陣営は試合後に再戦について協議した。'),
    V("second-sense", "ja", "wire", [],
      '日印、経済安全保障で協力\u3000半導体供給網',
      '日本とインドは経済安全保障に関する協力文書に署名した。半導体の供給網を強化し、'
      '両国の閣僚は定期的に協議する。'),
    V("second-sense", "ja", "feature", [],
      '日米の小学校で合同避難訓練',
      '米軍基地に近い小学校で、日米の児童が一緒に地震の避難訓練を行った。'
      '両国の教員が事前に協議した。'),
    V("second-sense", "ja", "wire", [],
      '日豪の大学が共同研究協定',
      '日本とオーストラリアの大学は、海洋の気候変動を調べる共同研究の協定に署名した。'
      '豪海軍の退役艦を観測船に改装する。'),
    V("second-sense", "hi", "brief", [],
      'भारत और ऑस्ट्रेलिया ऊर्जा सुरक्षा पर सहमत',
      'भारत और ऑस्ट्रेलिया ने ऊर्जा सुरक्षा और महत्वपूर्ण खनिजों की आपूर्ति पर समझौते पर '
      'हस्ताक्षर किए।'),
    V("second-sense", "mr", "brief", [],
      'अन्न सुरक्षेसाठी भारत-अमेरिका करार',
      'भारत आणि अमेरिकेने अन्न सुरक्षा आणि कृषी संशोधनासाठी करारावर स्वाक्षरी केली.'),
    # --- opinion
    V("opinion", "hi", "opinion", [],
      'भारत को जापान से रक्षा समझौता करना चाहिए',
      'लेखक पूर्व राजनयिक हैं। भारत और जापान ने पिछले दशक में कई अभ्यास किए हैं। अब समय '
      'आ गया है कि दोनों देश एक रक्षा संधि करें।'),
    V("opinion", "mr", "opinion", [],
      'भारत-ऑस्ट्रेलिया संरक्षण करार का हवा?',
      'भारत आणि ऑस्ट्रेलियाने गेल्या काही वर्षांत अनेक सराव केले आहेत. आता दोन्ही '
      'देशांनी संरक्षण करार करायला हवा, असे लेखकाचे मत आहे.'),
    V("opinion", "ja", "opinion", [],
      '【社説】日豪は防衛協力をさらに深めよ',
      '日本とオーストラリアは円滑化協定を結び、共同訓練を重ねてきた。'
      '両国は情報共有の枠組みを急ぐべきだ。'),
    # --- headline-trap
    V("headline-trap", "en", "headline", [],
      'Japan, India: a love story in forty recipes',
      'A Tokyo chef who trained in Kerala has written a cookbook. She thanks her father, '
      'a retired navy officer, and the Indian friends who taught her to cook dal.'),
    V("headline-trap", "hi", "headline", [],
      'भारत-जापान: रक्षा से रसोई तक',
      'टोक्यो की एक शेफ ने केरल में खाना बनाना सीखा। उनके पिता नौसेना में अफसर थे। '
      'उन्होंने भारतीय दोस्तों से दाल बनाना सीखा।'),
    V("headline-trap", "ja", "headline", [],
      '日印の絆、台所から',
      'ケララ州で料理を学んだ東京のシェフがレシピ本を出版した。父は元海上自衛官で、'
      'インド人の友人にダールの作り方を教わった。'),
    # --- reference
    V("reference", "en", "reference", [],
      'Japan–United States relations',
      'Japan–United States relations are the relations between Japan and the United '
      'States.\n\nHistory. In 1854 the two signed the Convention of Kanagawa. In 1941 '
      'Japan attacked Pearl Harbor. In 1951 the two signed a security treaty, revised in '
      '1960.\n\nMilitary. About 54,000 American troops are stationed in Japan. The two '
      'hold joint exercises such as Keen Sword.\n\nSee also: Foreign relations of Japan; '
      'Foreign relations of the United States.',
      gap="A reference page titled only by the two states' relations, whose "
          'present-tense sections ("The two hold joint exercises such as Keen Sword") '
          'read as news'),
    V("reference", "hi", "reference", [],
      'भारत-ऑस्ट्रेलिया संबंध',
      'भारत-ऑस्ट्रेलिया संबंध भारत और ऑस्ट्रेलिया के बीच के द्विपक्षीय संबंध हैं।'
      '\n\nइतिहास: 1947 में दोनों देशों ने राजनयिक संबंध स्थापित किए। 2009 में दोनों ने '
      'सुरक्षा सहयोग घोषणा पर हस्ताक्षर किए।\n\nसैन्य संबंध: दोनों नौसेनाएं औसइंडेक्स नामक '
      'अभ्यास करती हैं।\n\nइन्हें भी देखें: भारत के विदेश संबंध।'),
    # --- real-report
    V("real-report", "en", "wire", ['bilateral-defence', 'india-japan', 'malabar'],
      'India, Japan navies hold JIMEX off Visakhapatnam',
      'The Indian Navy and the Japan Maritime Self-Defense Force began JIMEX on '
      'Monday.\n\nBoth navies also sail with the United States in the Malabar exercise '
      'each year.'),
    V("real-report", "ja", "wire", ['bilateral-defence', 'india-japan', 'malabar'],
      '日印共同訓練「JIMEX」始まる',
      '海上自衛隊とインド海軍は10日、ベンガル湾で共同訓練JIMEXを始めた。'
      '\n\n両国はマラバールでは米海軍とも訓練している。'),
    V("real-report", "hi", "wire", ['bilateral-defence', 'india-australia'],
      'भारत और ऑस्ट्रेलिया के रक्षा मंत्रियों ने फोन पर बात की',
      'रक्षा मंत्री ने मंगलवार को ऑस्ट्रेलिया के उप प्रधानमंत्री और रक्षा मंत्री से फोन '
      'पर बात की और समुद्री सुरक्षा पर चर्चा की।\n\nपिछले महीने जापान ने भी ऑस्ट्रेलिया के '
      'साथ एक समझौता किया था।'),
    V("real-report", "mr", "wire", ['bilateral-defence', 'us-japan'],
      'अमेरिका-जपान संरक्षणमंत्र्यांची टोकियोत बैठक',
      'टोकियो, ता. ५ (वृत्तसंस्था) : अमेरिकेचे संरक्षणमंत्री आणि जपानचे संरक्षणमंत्री '
      'यांनी गुरुवारी टोकियोत बैठक घेऊन संयुक्त कमांडवर चर्चा केली. भारतासोबतच्या '
      'सहकार्याचाही उल्लेख झाला.'),
    V("real-report", "en", "wire", ['acsa', 'bilateral-defence', 'india-japan'],
      'India, Japan sign supply pact for their forces',
      'India and Japan signed an agreement on Thursday that lets their forces share fuel '
      'and spares. A day earlier, the two defence ministers held talks in Tokyo.'),
    V("real-report", "en", "wire", ['bilateral-defence', 'india-japan'],
      'Indian destroyer docks at Yokosuka',
      'INS Kolkata docked at Yokosuka on Monday and will train with the Japan Maritime '
      'Self-Defense Force this week. The same day, Indian and Japanese naval officers '
      'held talks on submarine rescue.'),
    V("real-report", "hi", "wire", ['bilateral-defence', 'india-japan'],
      'भारतीय युद्धपोत योकोसुका पहुंचा',
      'भारतीय नौसेना का युद्धपोत आईएनएस कोलकाता सोमवार को जापान के योकोसुका बंदरगाह '
      'पहुंचा और इस सप्ताह जापानी नौसेना के साथ अभ्यास करेगा। इसी दिन दोनों नौसेनाओं के '
      'अधिकारियों ने बातचीत की।'),
    V("real-report", "ja", "wire", ['bilateral-defence', 'japan-australia'],
      '日豪防衛相が会談\u3000円滑化協定の運用で一致',
      '木原防衛相は10日、オーストラリアのマールズ国防相と東京で会談した。両氏は同日、'
      '円滑化協定に基づく共同訓練の拡大で一致した。'),
    V("real-report", "en", "wire", ['bilateral-defence', 'india-japan'],
      'Defence minister lands in Tokyo',
      'Rajnath Singh reached Tokyo on Monday and was received by Koizumi. The same day, '
      'the two ministers held talks on defence cooperation.'),
    V("real-report", "ja", "wire", ['bilateral-defence', 'us-japan'],
      '陸自部隊、北海道に到着',
      '陸上自衛隊の部隊が10日、北海道の演習場に到着した。同日、'
      '日本と米国は共同訓練の開始に合わせて覚書に署名した。'),
    V("real-report", "en", "wire", ['bilateral-defence', 'india-japan'],
      "India, Japan navies to refuel each other's ships",
      'The Indian Navy and the Japan Maritime Self-Defense Force agreed on Monday to '
      "refuel each other's ships at sea, the two defence ministers said after talks in "
      'Delhi.'),
]


def _topics(ruleset: RuleSet, v: V) -> list[str]:
    article = replace(article_from_text(v.title, v.text),
                      published=datetime(2025, 6, 10, tzinfo=UTC))
    return sorted(ruleset.match(article).rule_ids)


@pytest.mark.parametrize("v", [
    pytest.param(v, id=f"{v.kind}-{v.lang}-{v.style}-{i}",
                 marks=[pytest.mark.xfail(strict=True, reason=v.gap)] if v.gap else [])
    for i, v in enumerate(VARIANTS)])
def test_variant(default_ruleset: RuleSet, v: V) -> None:
    assert _topics(default_ruleset, v) == v.topics


def test_the_matrix_covers_each_language() -> None:
    for kind in {v.kind for v in VARIANTS} - {"real-report"}:
        langs = {v.lang for v in VARIANTS if v.kind == kind}
        assert len(langs) >= 2, kind

