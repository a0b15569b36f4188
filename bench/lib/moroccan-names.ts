// Plausible Moroccan names in both scripts, for generated registries: ~150 given names, and family names
// built from a few hundred roots: names and words used as they are, and stems formed from triliteral
// roots by Arabic morphology (Hamid, Hammad, Mahmoud…), each under the usual patterns (El Hamidi,
// Hamidi, Benhamid, Ait Hamid, Bouhamid, Belhamid…). One Latin spelling per Arabic name, so that a name known in
// one script can be written in the other.
import { normalizeArabic, normalizeLatin } from '../../src/lib/names';

/** An [Arabic, Latin] pair. */
export type NamePair = readonly [ar: string, latin: string];

export const MALE_GIVEN: readonly NamePair[] = [
  ['محمد', 'Mohamed'], ['أحمد', 'Ahmed'], ['يوسف', 'Youssef'], ['عبد الله', 'Abdellah'], ['حسن', 'Hassan'], ['إبراهيم', 'Brahim'],
  ['سعيد', 'Said'], ['رشيد', 'Rachid'], ['عبد الرحيم', 'Abderrahim'], ['مصطفى', 'Mustapha'], ['خالد', 'Khalid'], ['هشام', 'Hicham'],
  ['عمر', 'Omar'], ['كريم', 'Karim'], ['أيوب', 'Ayoub'], ['أنس', 'Anass'], ['زكرياء', 'Zakaria'], ['مهدي', 'Mehdi'], ['إلياس', 'Ilyas'],
  ['عبد الكريم', 'Abdelkrim'], ['نور الدين', 'Noureddine'], ['جمال', 'Jamal'], ['طارق', 'Tarik'], ['بلال', 'Bilal'], ['حمزة', 'Hamza'],
  ['علي', 'Ali'], ['عثمان', 'Othmane'], ['إدريس', 'Driss'], ['عبد العزيز', 'Abdelaziz'], ['عبد السلام', 'Abdeslam'], ['عبد اللطيف', 'Abdellatif'],
  ['عبد الحق', 'Abdelhak'], ['عبد الرحمان', 'Abderrahmane'], ['عبد الإله', 'Abdelilah'], ['عبد الحميد', 'Abdelhamid'], ['عبد المجيد', 'Abdelmajid'],
  ['عبد الغني', 'Abdelghani'], ['عبد القادر', 'Abdelkader'], ['عبد الواحد', 'Abdelouahed'], ['عبد الصمد', 'Abdessamad'], ['عبد الجليل', 'Abdeljalil'],
  ['عبد العالي', 'Abdelali'], ['محسن', 'Mohcine'], ['ياسين', 'Yassine'], ['سفيان', 'Soufiane'], ['أمين', 'Amine'], ['عادل', 'Adil'], ['نبيل', 'Nabil'],
  ['فؤاد', 'Fouad'], ['كمال', 'Kamal'], ['توفيق', 'Taoufik'], ['لحسن', 'Lahcen'], ['الحسين', 'Lhoussaine'], ['العربي', 'Larbi'], ['المختار', 'Mokhtar'],
  ['الطيب', 'Tayeb'], ['الصديق', 'Seddik'], ['بوشعيب', 'Bouchaib'], ['منير', 'Mounir'], ['نوفل', 'Naoufal'], ['وليد', 'Walid'], ['عزيز', 'Aziz'],
  ['رضوان', 'Redouane'], ['سمير', 'Samir'], ['عماد', 'Imad'], ['أسامة', 'Oussama'], ['إسماعيل', 'Ismail'], ['مروان', 'Marouane'], ['زهير', 'Zouhair'],
  ['حميد', 'Hamid'], ['الهاشمي', 'Hachmi'], ['الميلودي', 'Miloudi'], ['الجيلالي', 'Jilali'], ['صلاح الدين', 'Salaheddine'], ['عز الدين', 'Azzeddine'],
  ['خليل', 'Khalil'], ['أشرف', 'Achraf'], ['معاد', 'Mouad'], ['أيمن', 'Aymane'], ['ريان', 'Rayane'], ['آدم', 'Adam'], ['حكيم', 'Hakim'],
  ['محمد أمين', 'Mohamed Amine'], ['محمد علي', 'Mohamed Ali'], ['سيدي محمد', 'Sidi Mohamed'],
];

export const FEMALE_GIVEN: readonly NamePair[] = [
  ['فاطمة', 'Fatima'], ['خديجة', 'Khadija'], ['مريم', 'Meryem'], ['زينب', 'Zineb'], ['نادية', 'Nadia'], ['سميرة', 'Samira'],
  ['حنان', 'Hanane'], ['سلمى', 'Salma'], ['إيمان', 'Imane'], ['هند', 'Hind'], ['ليلى', 'Leila'], ['غيثة', 'Ghita'], ['سناء', 'Sanaa'],
  ['أسماء', 'Asmaa'], ['نجاة', 'Najat'], ['وفاء', 'Wafae'], ['كوثر', 'Kaoutar'], ['سهام', 'Siham'], ['لبنى', 'Loubna'], ['ياسمين', 'Yasmine'],
  ['عائشة', 'Aicha'], ['حليمة', 'Halima'], ['رقية', 'Rkia'], ['الزهرة', 'Zahra'], ['مليكة', 'Malika'], ['نعيمة', 'Naima'], ['لطيفة', 'Latifa'],
  ['رشيدة', 'Rachida'], ['سعاد', 'Souad'], ['حياة', 'Hayat'], ['بشرى', 'Bouchra'], ['نزهة', 'Nezha'], ['جميلة', 'Jamila'], ['كريمة', 'Karima'],
  ['عزيزة', 'Aziza'], ['فتيحة', 'Fatiha'], ['ثورية', 'Touria'], ['سعيدة', 'Saida'], ['حفيظة', 'Hafida'], ['نوال', 'Naoual'], ['أمينة', 'Amina'],
  ['سكينة', 'Sakina'], ['هاجر', 'Hajar'], ['سارة', 'Sara'], ['نهيلة', 'Nouhaila'], ['شيماء', 'Chaimae'], ['إكرام', 'Ikram'], ['أميمة', 'Oumaima'],
  ['دعاء', 'Douae'], ['صفاء', 'Safae'], ['مروة', 'Marwa'], ['هبة', 'Hiba'], ['رانية', 'Rania'], ['إلهام', 'Ilham'], ['سلوى', 'Salwa'], ['منى', 'Mouna'],
  ['نورة', 'Noura'], ['فدوى', 'Fadwa'], ['بهيجة', 'Bahija'], ['ربيعة', 'Rabia'], ['رحمة', 'Rahma'], ['عتيقة', 'Atika'], ['فريدة', 'Farida'],
  ['نبيلة', 'Nabila'], ['وداد', 'Widad'], ['ابتسام', 'Ibtissam'], ['مونية', 'Mounia'], ['سمية', 'Soumia'], ['لمياء', 'Lamyae'], ['حسناء', 'Hasnaa'],
  ['غزلان', 'Ghizlane'], ['نسرين', 'Nisrine'], ['فاطمة الزهراء', 'Fatima Ezzahra'], ['يطو', 'Itto'],
];

/**
 * Roots of family names, used as they are: first names, places and tribes, trades, adjectives. Most end
 * in a consonant in both scripts so that every pattern below reads naturally; those ending in a vowel
 * only take the patterns that suit them (see familyNames).
 */
const ROOTS: readonly NamePair[] = [
  // first names
  ['منصور', 'Mansour'], ['حسن', 'Hassan'], ['عمر', 'Omar'], ['إدريس', 'Idriss'], ['يوسف', 'Youssef'], ['سعيد', 'Said'], ['رشيد', 'Rachid'],
  ['خالد', 'Khalid'], ['كريم', 'Karim'], ['جمال', 'Jamal'], ['طارق', 'Tarik'], ['بلال', 'Bilal'], ['عثمان', 'Othman'], ['يعقوب', 'Yacoub'],
  ['إسماعيل', 'Ismail'], ['سليمان', 'Slimane'], ['داود', 'Daoud'], ['هارون', 'Haroun'], ['قاسم', 'Kacem'], ['هاشم', 'Hachem'], ['طاهر', 'Taher'],
  ['ناصر', 'Nacer'], ['قادر', 'Kader'], ['جليل', 'Jalil'], ['عزيز', 'Aziz'], ['لطيف', 'Latif'], ['سلام', 'Sellam'], ['مجيد', 'Majid'], ['حميد', 'Hamid'],
  ['رحمان', 'Rahman'], ['وهاب', 'Ouahab'], ['جبار', 'Jabbar'], ['صادق', 'Sadek'], ['مختار', 'Mokhtar'], ['منير', 'Mounir'], ['نبيل', 'Nabil'],
  ['عادل', 'Adil'], ['فاضل', 'Fadel'], ['كامل', 'Kamel'], ['حكيم', 'Hakim'], ['شريف', 'Cherif'], ['حبيب', 'Habib'], ['نجيب', 'Najib'], ['لبيب', 'Labib'],
  ['رفيق', 'Rafik'], ['توفيق', 'Taoufik'], ['صديق', 'Seddik'], ['حفيظ', 'Hafid'], ['مراد', 'Mourad'], ['فؤاد', 'Fouad'], ['عماد', 'Imad'], ['جواد', 'Jaouad'],
  ['سعود', 'Saoud'], ['مسعود', 'Messaoud'], ['محمود', 'Mahmoud'], ['مبارك', 'Moubarak'], ['ميمون', 'Maimoun'], ['ميلود', 'Miloud'], ['جيلال', 'Jilal'],
  ['عباس', 'Abbas'], ['إلياس', 'Ilyas'], ['أيوب', 'Ayoub'], ['أنس', 'Anas'], ['أمين', 'Amin'], ['سالم', 'Salem'], ['غانم', 'Ghanem'], ['حاتم', 'Hatem'],
  ['عاصم', 'Assem'], ['ناجم', 'Najem'], ['نعمان', 'Naaman'], ['سفيان', 'Soufian'], ['رضوان', 'Radouan'], ['مروان', 'Marouan'], ['زهير', 'Zouhir'],
  ['خليل', 'Khalil'], ['أشرف', 'Achraf'], ['أيمن', 'Ayman'], ['جعفر', 'Jaafar'], ['عمار', 'Ammar'], ['ياسر', 'Yasser'], ['بشير', 'Bachir'], ['نذير', 'Nadir'],
  ['منصف', 'Moncef'], ['معروف', 'Maarouf'], ['زبير', 'Zoubir'], ['مهد', 'Mahd'], ['حمد', 'Hamd'], ['حماد', 'Hammad'], ['شعيب', 'Chouaib'], ['صالح', 'Saleh'],
  ['فارس', 'Fares'], ['مالك', 'Malek'], ['ربيع', 'Rabie'], ['شاكر', 'Chaker'], ['صابر', 'Saber'], ['منذر', 'Mondir'], ['وائل', 'Wail'], ['بدر', 'Badr'],
  ['نور', 'Nour'], ['سعد', 'Saad'], ['رياض', 'Riad'], ['زياد', 'Ziad'], ['مراح', 'Merrah'], ['عزوز', 'Azzouz'], ['حموش', 'Hammouch'], ['بوزيد', 'Bouzid'],
  ['زروال', 'Zerroual'], ['عياش', 'Ayach'], ['حجاج', 'Hajjaj'], ['غازي', 'Ghazi'], ['ودغير', 'Oudghir'], ['عيس', 'Aiss'], ['حسين', 'Houssain'],
  // places, tribes, regions
  ['فاس', 'Fass'], ['تاز', 'Taz'], ['رباط', 'Rbat'], ['مكناس', 'Meknass'], ['طنج', 'Tanj'], ['وجد', 'Oujd'], ['مراكش', 'Marrakch'], ['تطوان', 'Tetouan'],
  ['وزان', 'Ouazzan'], ['بركان', 'Berkan'], ['ناظور', 'Nadour'], ['دكال', 'Doukkal'], ['سوس', 'Souss'], ['غرب', 'Gharb'], ['شرق', 'Cherk'], ['ريف', 'Rif'],
  ['جبل', 'Jebl'], ['سهل', 'Sahl'], ['زمور', 'Zemmour'], ['زيان', 'Zayan'], ['جزول', 'Jazoul'], ['سملال', 'Semlal'], ['فيلال', 'Filal'], ['هلال', 'Hilal'],
  ['ورزاز', 'Ouarzaz'], ['قصر', 'Ksar'], ['حوز', 'Haouz'], ['تادل', 'Tadel'], ['دمنات', 'Demnat'], ['غمار', 'Ghmar'], ['زرهون', 'Zerhoun'], ['صنهاج', 'Sanhaj'],
  ['مصمود', 'Masmoud'], ['كتام', 'Ketam'], ['عمران', 'Amran'], ['كتان', 'Kettan'], ['بقال', 'Bakkal'], ['صقل', 'Sekkal'], ['شرايب', 'Chraib'], ['تهام', 'Tham'],
  ['برنوص', 'Bernous'], ['صفر', 'Sefr'], ['بهلول', 'Bahloul'], ['منزل', 'Menzel'], ['جراد', 'Jerrad'], ['زعير', 'Zaer'], ['حياين', 'Hayayn'], ['شياظم', 'Chiadm'],
  ['عبد', 'Abd'], ['تافيلالت', 'Tafilalt'], ['درع', 'Draa'], ['زاك', 'Zag'], ['أكادير', 'Agadir'], ['تزنيت', 'Tiznit'], ['سلا', 'Sla'], ['أزمور', 'Azemmour'],
  ['آسف', 'Assaf'], ['صويرة', 'Souir'], ['زاوي', 'Zaoui'], ['أنجر', 'Anjar'], ['مرنيس', 'Mernis'], ['بويبلان', 'Bouiblan'],
  ['حاحا', 'Haha'], ['عبدة', 'Abda'], ['سراغنة', 'Sraghna'], ['وردية', 'Ouardia'], ['خريبك', 'Khouribg'], ['ملال', 'Mellal'], ['إفران', 'Ifran'], ['صفريو', 'Sefriou'],
  ['كرسيف', 'Guercif'], ['دبدو', 'Debdou'], ['فكيك', 'Figuig'], ['تنغير', 'Tinghir'], ['زاكور', 'Zagour'], ['طاطا', 'Tata'], ['كلميم', 'Guelmim'], ['عيون', 'Ayoun'],
  // trades and callings
  ['حداد', 'Haddad'], ['خياط', 'Khayat'], ['نجار', 'Najjar'], ['عطار', 'Attar'], ['صباغ', 'Sebbagh'], ['دباغ', 'Debbagh'], ['فخار', 'Fekhar'], ['حجام', 'Hajjam'],
  ['فقيه', 'Fakih'], ['طالب', 'Taleb'], ['شيخ', 'Cheikh'], ['كاتب', 'Kateb'], ['خراز', 'Kharraz'], ['حرار', 'Harrar'], ['جزار', 'Jazzar'], ['رحال', 'Rahhal'],
  ['بحار', 'Bahhar'], ['فلاح', 'Fellah'], ['سراج', 'Sarraj'], ['صايغ', 'Sayegh'], ['حمام', 'Hammam'], ['طبال', 'Tabbal'], ['زيات', 'Zayyat'], ['قباج', 'Kabbaj'],
  ['تاجر', 'Tajer'], ['سقاط', 'Sekkat'], ['عواد', 'Aouad'], ['حلاب', 'Hallab'], ['قاضي', 'Kadi'], ['مؤذن', 'Moudden'], ['بناي', 'Bennay'], ['خباز', 'Khabbaz'],
  ['فران', 'Ferran'], ['طحان', 'Tahhan'], ['غزال', 'Ghazal'], ['نحاس', 'Nahhas'], ['زراد', 'Zerrad'], ['حصار', 'Hassar'], ['شامي', 'Chami'], ['عراقي', 'Iraki'],
  // adjectives and nicknames
  ['كبير', 'Kabir'], ['صغير', 'Sghir'], ['أزرق', 'Azrak'], ['طويل', 'Touil'], ['أشقر', 'Achkar'], ['أحمر', 'Ahmar'], ['أسمر', 'Asmar'], ['أعرج', 'Aaraj'],
  ['زين', 'Zin'], ['فريد', 'Farid'], ['جديد', 'Jdid'], ['قديم', 'Kdim'], ['مسكين', 'Meskin'], ['ظريف', 'Drif'], ['كحل', 'Kahl'],
  ['بيض', 'Bid'], ['خضر', 'Khdar'], ['حر', 'Horr'], ['صافي', 'Safi'], ['نظيف', 'Nadif'], ['حنين', 'Hnin'], ['عسل', 'Assal'], ['ورد', 'Ouard'],
  ['عزوزي', 'Azzouzi'], ['بلغيث', 'Belghit'], ['بلحاج', 'Belhaj'], ['بلقاضي', 'Belkadi'], ['بلعيد', 'Belaid'], ['بلخير', 'Belkheir'], ['بلمكي', 'Belmekki'],
  ['مكي', 'Mekki'], ['مدني', 'Madani'], ['وردي', 'Ouardi'], ['يزيد', 'Yazid'], ['زهر', 'Zahr'], ['نعام', 'Naam'], ['مير', 'Mir'], ['قطب', 'Kotb'],
  ['دحمان', 'Dahman'], ['رمضان', 'Ramdan'], ['شعبان', 'Chaaban'], ['رجب', 'Rjeb'], ['جمعة', 'Jmaa'], ['خميس', 'Khemis'], ['سبت', 'Sebt'], ['عيد', 'Aid'],
];

/**
 * Triliteral Arabic roots (sound ones: no weak letter, no ع), from which names are formed by the
 * patterns of Arabic morphology: حمد gives Hamid حميد, Hammad حماد, Mahmoud محمود, Hamed حامد…
 */
const TRILITERAL: readonly string[] = [
  'حمد كبر نصر رشد خلد كرم جمل طرق سلم حكم شرف نجب رفق صدق حفظ فضل كمل قسم هشم طهر قدر لطف مجد رحم جبر صبر شكر فرح حسن بشر',
  'نذر زهر سمر قمر بدر كتب خطب نجم شمس فتح برك ملك سلط نبل فرج فرد زرق حمر خضر صفر شهب شهد صلح فلح نجح خلف سلف حرز حرس نصف',
  'غنم حتم حزم حشم فهم رسم بسم نسم كلم حلم قدم خدم زمر دغر قصر بصر خطر فخر سحر سفر غفر بحر ظهر مهر نهر شهر بهر جهر سهر نشر',
  'حشر حضر خبر صبح سبح ربح فصح نصح مدح جرح سمح لمح ملح نفح صفح شرح طرح مرح سرح برح ضرب شرب قرب غرب كسب نسب حسب خصب نصب قطب',
  'رطب حطب شطب سكن مكن حصن رهن زمن ثمن سمن بطن حزن خزن مزن فطن قطن لسن حضن جلس فرس درس غرس كنس لبس حبس قبس نفس فلس ملس خمس',
  'همس لمس غمس قدس حدس سدس جرد برد سرد طرد شرد نقد حقد رقد فقد سند جند هند زند بند جلد بلد قلد نجد سجد صمد جمد غمد كمد حشد',
  'نشد رصد قصد حصد كحل نخل دخل فصل نصل حمل رمل شمل زمل قبل سبل جبل حبل طبل غزل نزل فتل خطل بطل هطل مطل شكل هكل نقل صقل حفل',
  'نفل قفل طفل سلب قلب جلب حلب غلب طلب صلب خلب ثلب رغب لهب ذهب نهب سكب ركب نكب حرب كرب طرب جرب زرب درب رتب قتب حجب رجب سحب',
  'صحب لحب قضب خضب جذب شذب هذب مزح زلف حلف كشف قطف خطف نطف رشف شغف كهف لهف سقف ثقف رصف نسف قذف حذف زحف لحف رجف نزف ظرف طرف',
  'غرف صرف جرف حرف دلف تلف كلف بخت نحت سكت صمت سبت ثبت نبت كبت خفت لفت بهت شمت صلت فلت كفت زفت دخن سخن طحن شحن لحن محن فتن',
  'متن ختن رزن لزم جزم رزم نظم كظم لجم رجم هجم سجم حجم رغم نغم ضرم جرم حرم صرم هرم برم خرم',
]
  .join(' ')
  .split(' ');

/** How each Arabic consonant of a root is usually written in Latin script in Morocco. */
const CONSONANT: Record<string, string> = {
  ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'd', ر: 'r', ز: 'z', س: 's', ش: 'ch', ص: 's', ض: 'd', ط: 't', ظ: 'd',
  غ: 'gh', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
};

/** A consonant written twice (shadda), except the digraphs, which Latin spellings never double. */
const twice = (c: string) => (c.length > 1 ? c : c + c);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Patterns of Arabic morphology over a root [c1, c2, c3], in both scripts, with how often. */
const MORPHOLOGY: ReadonlyArray<{ weight: number; ar: (r: string[]) => string; latin: (r: string[]) => string }> = [
  { weight: 3, ar: ([a, b, c]) => `${a}${b}ي${c}`, latin: ([a, b, c]) => `${a}a${b}i${c}` }, // فعيل: Hamid
  { weight: 2, ar: ([a, b, c]) => `${a}${b}ا${c}`, latin: ([a, b, c]) => `${a}a${twice(b ?? '')}a${c}` }, // فعّال: Hammad
  { weight: 2, ar: ([a, b, c]) => `م${a}${b}و${c}`, latin: ([a, b, c]) => `ma${a}${b}ou${c}` }, // مفعول: Mahmoud
  { weight: 2, ar: ([a, b, c]) => `${a}ا${b}${c}`, latin: ([a, b, c]) => `${a}a${b}e${c}` }, // فاعل: Hamed
  { weight: 1, ar: ([a, b, c]) => `${a}${b}${c}ان`, latin: ([a, b, c]) => `${a}a${b}${c}an` }, // فعلان: Hamdan
  { weight: 1, ar: ([a, b, c]) => `${a}${b}${c}ون`, latin: ([a, b, c]) => `${a}a${b}${c}oun` }, // فعلون: Hamdoun
  { weight: 1, ar: ([a, b, c]) => `${a}${b}و${c}`, latin: ([a, b, c]) => `${a}a${twice(b ?? '')}ou${c}` }, // فعّول: Hammoud
  { weight: 1, ar: ([a, b, c]) => `م${a}${b}ا${c}`, latin: ([a, b, c]) => `me${a}${b}a${c}` }, // مفعال: Mesbah
  { weight: 1, ar: ([a, b, c]) => `${a}${b}${c}وش`, latin: ([a, b, c]) => `${a}a${b}${c}ouch` }, // فعلوش: Hamdouch
];

/** The stems formed from the triliteral roots, with their relative frequency. */
function triliteralStems(): Array<{ pair: NamePair; weight: number }> {
  return TRILITERAL.flatMap((root, i) => {
    const letters = [...root];
    const latin = letters.map((c) => CONSONANT[c] ?? '');
    return MORPHOLOGY.map((m) => ({ pair: [m.ar(letters), capital(m.latin(latin))] as NamePair, weight: m.weight / 3 / (1 + i / 400) }));
  });
}

/** Well-known family names used as they are. */
const FIXED: readonly NamePair[] = [
  ['العلوي', 'El Alaoui'], ['علوي', 'Alaoui'], ['برادة', 'Berrada'], ['بناني', 'Bennani'], ['بنكيران', 'Benkirane'], ['لحلو', 'Lahlou'], ['بوعزة', 'Bouazza'],
  ['أوحمو', 'Ouhammou'], ['كسوس', 'Guessous'], ['بنجلون', 'Benjelloun'], ['الغزاوي', 'El Ghazaoui'], ['الشاوي', 'Chaoui'], ['الحمداوي', 'Hamdaoui'],
  ['أمزيان', 'Amziane'], ['أمغار', 'Amghar'], ['أخنوش', 'Akhannouch'], ['أوزين', 'Ouzzine'], ['بوطالب', 'Boutaleb'], ['الوافي', 'El Ouafi'],
  ['الزهراوي', 'Zahraoui'], ['الصفريوي', 'Sefrioui'], ['المريني', 'El Merini'], ['الموساوي', 'Moussaoui'], ['العيساوي', 'Aissaoui'],
  ['الخطيب', 'El Khatib'], ['المنوني', 'Mennouni'], ['بنعبد الله', 'Benabdellah'], ['الحلوي', 'Helloui'], ['بلخياط', 'Belkhayat'], ['بلافريج', 'Balafrej'],
  ['المسفيوي', 'Messfioui'], ['بوستة', 'Boucetta'], ['الرميلي', 'Rmili'], ['الهواري', 'El Houari'], ['الحارثي', 'Harti'], ['الراضي', 'Radi'],
  ['اليوسفي', 'Youssfi'], ['الغالي', 'Ghali'], ['المحمدي', 'Mohammadi'], ['الأزمي', 'Azami'], ['البصري', 'Basri'], ['بنموسى', 'Benmoussa'], ['أيت علي', 'Ait Ali'],
  ['الصقلي', 'Sqalli'], ['بنسودة', 'Bensouda'], ['التويمي', 'Touimi'], ['الكوهن', 'Kohen'], ['بنشقرون', 'Benchekroun'], ['الفهري', 'Fihri'],
  ['السلاوي', 'Slaoui'], ['الشرقاوي', 'Cherkaoui'], ['العمراوي', 'Amraoui'], ['الحسناوي', 'Hasnaoui'], ['الدرقاوي', 'Derkaoui'], ['اعميمي', 'Amimi'],
  ['الحجيرة', 'El Hajira'], ['أوعلي', 'Ouali'], ['أمهروق', 'Amahrouk'], ['أضرضور', 'Adardour'],
];

/** How a family name is made from a root, with how often. */
const PATTERNS: ReadonlyArray<{ weight: number; make: (ar: string, latin: string) => NamePair }> = [
  { weight: 4, make: (ar, l) => [`ال${ar}ي`, `El ${l}i`] },
  { weight: 4, make: (ar, l) => [`${ar}ي`, `${l}i`] },
  { weight: 2, make: (ar, l) => [ar, l] },
  { weight: 2, make: (ar, l) => [`بن${joined(ar)}`, `Ben${l.toLowerCase()}`] },
  { weight: 1, make: (ar, l) => [`بن ${ar}`, `Ben ${l}`] },
  { weight: 2, make: (ar, l) => [`آيت ${ar}`, `Ait ${l}`] },
  { weight: 1, make: (ar, l) => [`${ar}اوي`, `${l}aoui`] },
  { weight: 1, make: (ar, l) => [`بو${joined(ar)}`, `Bou${l.toLowerCase()}`] },
  { weight: 1, make: (ar, l) => [`أو${joined(ar)}`, `Ou${l.toLowerCase()}`] },
  { weight: 1, make: (ar, l) => [`ال${ar}`, `El ${l}`] },
  { weight: 1, make: (ar, l) => [`بل${joined(ar)}`, `Bel${l.toLowerCase()}`] },
  { weight: 0.5, make: (ar, l) => [`أولاد ${ar}`, `Oulad ${l}`] },
];

/** A root glued after a prefix loses its hamza and its own spaces. */
function joined(ar: string): string {
  return ar.replace(/^[أإآ]/u, 'ا').replace(/\s+/gu, '');
}

const arabicEnding = /[اىةوي]$/u;
const latinEnding = /[aeiouy]$/i;

export interface WeightedName {
  pair: NamePair;
  /** Relative frequency. */
  weight: number;
}

/**
 * The single-root family names with their relative frequency (by pattern and by the root's rank):
 * every pattern over every root, keeping the first of any two that normalize alike in either script.
 * Roots ending in a vowel only take the patterns that read well with it.
 */
export function familyNames(): WeightedName[] {
  const seenAr = new Set<string>();
  const seenLatin = new Set<string>();
  const out: WeightedName[] = [];
  const add = (pair: NamePair, weight: number) => {
    const a = normalizeArabic(pair[0]);
    const l = normalizeLatin(pair[1]);
    if (seenAr.has(a) || seenLatin.has(l)) return;
    seenAr.add(a);
    seenLatin.add(l);
    out.push({ pair, weight });
  };
  FIXED.forEach((pair, i) => add(pair, 2 / (1 + i / 20)));
  const stems = [...ROOTS.map((pair, i) => ({ pair, weight: 1 / (1 + i / 400) })), ...triliteralStems()];
  for (const { pair: [ar, l], weight } of stems) {
    const vowelEnd = arabicEnding.test(ar) || latinEnding.test(l);
    PATTERNS.forEach((p, j) => {
      if (vowelEnd && (j === 0 || j === 1 || j === 6)) return;
      add(p.make(ar, l), p.weight * weight);
    });
  }
  return out;
}

/** The Latin spelling the lists give to each Arabic name or name part. */
export function latinSpellings(pairs: Iterable<NamePair>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [ar, l] of pairs) if (!map.has(ar)) map.set(ar, l);
  return map;
}
