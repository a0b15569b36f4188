import type { CreatePersonInput } from '../modules/people/people.schema';

// Plausible Moroccan names in both scripts, for the generated membership of the demo.
const MALE: Array<[string, string]> = [
  ['محمد', 'Mohamed'], ['أحمد', 'Ahmed'], ['يوسف', 'Youssef'], ['عبد الله', 'Abdellah'], ['حسن', 'Hassan'], ['إبراهيم', 'Brahim'],
  ['سعيد', 'Said'], ['رشيد', 'Rachid'], ['عبد الرحيم', 'Abderrahim'], ['مصطفى', 'Mustapha'], ['خالد', 'Khalid'], ['هشام', 'Hicham'],
  ['عمر', 'Omar'], ['كريم', 'Karim'], ['أيوب', 'Ayoub'], ['أنس', 'Anass'], ['زكرياء', 'Zakaria'], ['مهدي', 'Mehdi'], ['إلياس', 'Ilyas'],
  ['عبد الكريم', 'Abdelkrim'], ['نور الدين', 'Noureddine'], ['جمال', 'Jamal'], ['طارق', 'Tarik'], ['بلال', 'Bilal'], ['حمزة', 'Hamza'],
];
const FEMALE: Array<[string, string]> = [
  ['فاطمة', 'Fatima'], ['خديجة', 'Khadija'], ['مريم', 'Meryem'], ['زينب', 'Zineb'], ['نادية', 'Nadia'], ['سميرة', 'Samira'],
  ['حنان', 'Hanane'], ['سلمى', 'Salma'], ['إيمان', 'Imane'], ['هند', 'Hind'], ['ليلى', 'Leila'], ['غيثة', 'Ghita'], ['سناء', 'Sanaa'],
  ['أسماء', 'Asmaa'], ['نجاة', 'Najat'], ['وفاء', 'Wafae'], ['كوثر', 'Kaoutar'], ['سهام', 'Siham'], ['لبنى', 'Loubna'], ['ياسمين', 'Yasmine'],
];
const FAMILY: Array<[string, string]> = [
  ['العلوي', 'Alaoui'], ['الإدريسي', 'Idrissi'], ['بناني', 'Bennani'], ['التازي', 'Tazi'], ['الفاسي', 'Fassi'], ['الشرايبي', 'Chraibi'],
  ['برادة', 'Berrada'], ['الصقلي', 'Sekkali'], ['العمراني', 'Amrani'], ['الوزاني', 'Ouazzani'], ['بنكيران', 'Benkirane'], ['الزموري', 'Zemmouri'],
  ['المرابط', 'Mrabet'], ['البقالي', 'Bakkali'], ['الحسني', 'Hassani'], ['الكتاني', 'Kettani'], ['السعدي', 'Saadi'], ['الغزاوي', 'Ghazaoui'],
  ['بوعزة', 'Bouazza'], ['أيت علي', 'Ait Ali'], ['أوحمو', 'Ouhammou'], ['الصفريوي', 'Sefrioui'], ['البهلولي', 'Bahlouli'], ['المنزلي', 'Menzli'],
  ['الحمداوي', 'Hamdaoui'], ['الطاهري', 'Taheri'], ['الرحماني', 'Rahmani'], ['الزياني', 'Zayani'], ['بن موسى', 'Benmoussa'], ['الجبلي', 'Jebli'],
  ['القادري', 'Kadiri'], ['الناصري', 'Naciri'], ['المنصوري', 'Mansouri'], ['الحداد', 'Haddad'], ['الخياط', 'Khayat'], ['الشاوي', 'Chaoui'],
];
const COMPETENCES = ['lawyer', 'teacher', 'agronomist', 'engineer', 'doctor', 'nurse', 'accountant', 'farmer', 'trader', 'student', 'journalist', 'developer'];

/** A small seeded generator, so the demo is the same on every machine. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The generated membership of Sefrou province: `count` people spread over the communes that have a
 * body, weighted by population, with statuses, sectors, competences, fees and consents; a few left years ago.
 */
export function generateMembers(communes: Array<{ code: string; weight: number }>, count: number, seed = 2020) {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const totalWeight = communes.reduce((sum, c) => sum + c.weight, 0);
  const communeAt = () => {
    let r = rand() * totalWeight;
    for (const c of communes) if ((r -= c.weight) <= 0) return c.code;
    return communes[0]?.code ?? null;
  };
  const members: Array<{ person: CreatePersonInput; fees: number[]; hasConsent: boolean }> = [];
  for (let i = 0; i < count; i++) {
    const isWoman = rand() < 0.36;
    const [givenAr, givenLatin] = pick(isWoman ? FEMALE : MALE);
    const [familyAr, familyLatin] = pick(FAMILY);
    const birthYear = 1950 + Math.floor(rand() * 53);
    const age = 2020 - birthYear;
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const joinedYear = Math.max(2009, birthYear + 18) + Math.floor(rand() * 5);
    const hasLeft = i % 97 === 13;
    const sectors = [...(age < 35 ? ['youth' as const] : []), ...(isWoman && rand() < 0.6 ? ['women' as const] : []), ...(rand() < 0.1 ? ['professionals' as const] : [])];
    const onlyArabic = i % 23 === 5;
    members.push({
      person: {
        givenNameAr: givenAr,
        familyNameAr: familyAr,
        givenNameLatin: onlyArabic ? null : givenLatin,
        familyNameLatin: onlyArabic ? null : familyLatin,
        gender: isWoman ? 'female' : 'male',
        birthDate: `${birthYear}-${month}-${day}`,
        phones: rand() < 0.8 ? [`+2126${String(10_000_000 + Math.floor(rand() * 89_999_999))}`] : [],
        communeCode: communeAt(),
        status: rand() < 0.12 ? 'cadre' : rand() < 0.2 ? 'sympathizer' : 'member',
        joinedOn: `${Math.min(joinedYear, 2020)}-${month}-01`,
        leftOn: hasLeft ? `${2010 + (i % 5)}-06-30` : null,
        sectors,
        competences: rand() < 0.3 ? [pick(COMPETENCES)] : [],
      },
      fees: [2018, 2019, 2020].filter(() => rand() < 0.7),
      hasConsent: rand() < 0.92,
    });
  }
  return members;
}
