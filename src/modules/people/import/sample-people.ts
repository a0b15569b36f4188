import fs from 'node:fs';
import { once } from 'node:events';

/**
 * Plausible members' files for benchmarks and tests: Moroccan names in both scripts, identity cards,
 * mobile numbers, birth dates and communes, from a seeded generator so two runs write the same file.
 * Never committed: generated where they are needed.
 */

const MALE: Array<[string, string]> = [
  ['محمد', 'Mohamed'], ['أحمد', 'Ahmed'], ['يوسف', 'Youssef'], ['عبد الله', 'Abdellah'], ['عمر', 'Omar'], ['حسن', 'Hassan'], ['حسين', 'Houssine'],
  ['إدريس', 'Driss'], ['خالد', 'Khalid'], ['رشيد', 'Rachid'], ['سعيد', 'Said'], ['كريم', 'Karim'], ['مصطفى', 'Mustapha'], ['عبد الرحيم', 'Abderrahim'],
  ['عبد الكريم', 'Abdelkrim'], ['نور الدين', 'Noureddine'], ['هشام', 'Hicham'], ['أيوب', 'Ayoub'], ['إسماعيل', 'Ismail'], ['المهدي', 'El Mehdi'],
  ['ياسين', 'Yassine'], ['حمزة', 'Hamza'], ['أنس', 'Anas'], ['زكرياء', 'Zakaria'], ['عثمان', 'Othmane'], ['سفيان', 'Soufiane'], ['طارق', 'Tarik'],
  ['جمال', 'Jamal'], ['عادل', 'Adil'], ['نبيل', 'Nabil'], ['فؤاد', 'Fouad'], ['العربي', 'Larbi'], ['الطيب', 'Tayeb'], ['بوشعيب', 'Bouchaib'],
  ['عبد الصمد', 'Abdessamad'], ['عبد الغني', 'Abdelghani'], ['محسن', 'Mohcine'], ['ابراهيم', 'Brahim'], ['قاسم', 'Kacem'], ['مولاي علي', 'Moulay Ali'],
];
const FEMALE: Array<[string, string]> = [
  ['فاطمة', 'Fatima'], ['خديجة', 'Khadija'], ['مريم', 'Meryem'], ['زينب', 'Zineb'], ['سلمى', 'Salma'], ['نزهة', 'Nezha'], ['كريمة', 'Karima'],
  ['سعاد', 'Souad'], ['نادية', 'Nadia'], ['حنان', 'Hanane'], ['إيمان', 'Imane'], ['أسماء', 'Asmae'], ['هند', 'Hind'], ['غيثة', 'Ghita'],
  ['سناء', 'Sanae'], ['ليلى', 'Leila'], ['رشيدة', 'Rachida'], ['لطيفة', 'Latifa'], ['مليكة', 'Malika'], ['عائشة', 'Aicha'], ['حفصة', 'Hafsa'],
  ['نجاة', 'Najat'], ['وفاء', 'Wafae'], ['بشرى', 'Bouchra'], ['سميرة', 'Samira'], ['فدوى', 'Fadwa'], ['هاجر', 'Hajar'], ['ياسمين', 'Yasmine'],
  ['شيماء', 'Chaimae'], ['إكرام', 'Ikram'], ['لبنى', 'Loubna'], ['منى', 'Mouna'], ['صفاء', 'Safae'], ['نوال', 'Naoual'], ['فاطمة الزهراء', 'Fatima Zahra'],
];
const FAMILY: Array<[string, string]> = [
  ['العلوي', 'Alaoui'], ['الإدريسي', 'Idrissi'], ['بناني', 'Bennani'], ['التازي', 'Tazi'], ['الفاسي', 'El Fassi'], ['الشرايبي', 'Chraibi'],
  ['برادة', 'Berrada'], ['بنجلون', 'Benjelloun'], ['العمراني', 'El Amrani'], ['الوزاني', 'Ouazzani'], ['السقاط', 'Sekkat'], ['الكتاني', 'Kettani'],
  ['بنموسى', 'Benmoussa'], ['عميمي', 'Amimi'], ['الحجيرة', 'El Hajira'], ['آيت الطالب', 'Ait Taleb'], ['أمزيان', 'Amziane'], ['أوحمو', 'Ouhammou'],
  ['بوزيان', 'Bouziane'], ['الزياني', 'Zyani'], ['المريني', 'El Marini'], ['الصنهاجي', 'Sanhaji'], ['الرحماني', 'Rahmani'], ['الحسني', 'El Hassani'],
  ['القادري', 'Kadiri'], ['الناصري', 'Nasiri'], ['البقالي', 'Bakkali'], ['الغزواني', 'Ghazouani'], ['الريفي', 'Rifi'], ['السوسي', 'Soussi'],
  ['الدكالي', 'Doukkali'], ['الشاوي', 'Chaoui'], ['الزموري', 'Zemmouri'], ['الحمداوي', 'Hamdaoui'], ['بوعزة', 'Bouazza'], ['الخياري', 'Khiari'],
  ['المنصوري', 'Mansouri'], ['الطاهري', 'Taheri'], ['اليعقوبي', 'Yacoubi'], ['بنكيران', 'Benkirane'], ['لحلو', 'Lahlou'], ['السلاوي', 'Slaoui'],
  ['المراكشي', 'Marrakchi'], ['الجزولي', 'Jazouli'], ['الودغيري', 'Oudghiri'], ['بلحاج', 'Belhaj'], ['بنعلي', 'Benali'], ['الكبير', 'El Kabir'],
  ['أزروال', 'Azeroual'], ['أخنوش', 'Akhannouch'], ['أمغار', 'Amghar'], ['إدبوبكر', 'Id Boubker'], ['أوعلي', 'Ouali'], ['بوطالب', 'Boutaleb'],
  ['الصديقي', 'Seddiki'], ['الموساوي', 'Moussaoui'], ['العثماني', 'El Othmani'], ['الحداد', 'Haddad'], ['النجار', 'Najjar'], ['الخطيب', 'El Khatib'],
];
const CIN_PREFIXES = ['A', 'B', 'BE', 'BH', 'BJ', 'BK', 'C', 'CB', 'CD', 'D', 'E', 'EE', 'F', 'G', 'GA', 'H', 'I', 'IA', 'J', 'JA', 'K', 'L', 'M', 'N', 'P', 'PA', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'];
const MOBILE_PREFIXES = ['61', '62', '63', '64', '65', '66', '67', '68', '70', '77', '78'];

/** A small seeded generator (mulberry32): the same seed gives the same file. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_HEADERS = ['الاسم العائلي', 'الاسم الشخصي', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'CIN', 'Téléphone', 'Commune', 'Statut', 'Secteurs'];

export interface SamplePerson {
  familyNameAr: string;
  givenNameAr: string;
  familyNameLatin: string;
  givenNameLatin: string;
  gender: 'female' | 'male';
  birthDate: string;
  cin: string;
  phone: string;
  commune: string;
  status: string;
  sectors: string;
}

/** The i-th person of a sample file: unique identity card and phone by index, the rest drawn from the seed. */
export function samplePerson(i: number, random: () => number, communes: readonly string[]): SamplePerson {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const isFemale = random() < 0.45;
  const [givenAr, givenLatin] = pick(isFemale ? FEMALE : MALE);
  const [familyAr, familyLatin] = pick(FAMILY);
  const year = 1950 + Math.floor(random() * 56);
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const prefix = CIN_PREFIXES[Math.floor(i / 1_000_000) % CIN_PREFIXES.length]!;
  const mobile = MOBILE_PREFIXES[i % MOBILE_PREFIXES.length]!;
  return {
    familyNameAr: familyAr,
    givenNameAr: givenAr,
    familyNameLatin: familyLatin,
    givenNameLatin: givenLatin,
    gender: isFemale ? 'female' : 'male',
    birthDate: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
    cin: `${prefix}${String(i % 1_000_000).padStart(6, '0')}`,
    phone: `0${mobile}${String(Math.floor(i / MOBILE_PREFIXES.length) % 10_000_000).padStart(7, '0')}`,
    commune: pick(communes),
    status: random() < 0.1 ? 'sympathisant' : random() < 0.2 ? 'cadre' : 'membre',
    sectors: random() < 0.3 ? (isFemale ? 'Femmes' : 'Jeunes') : '',
  };
}

const csvField = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function sampleRow(p: SamplePerson): string[] {
  return [p.familyNameAr, p.givenNameAr, p.familyNameLatin, p.givenNameLatin, p.gender === 'female' ? 'F' : 'H', p.birthDate, p.cin, p.phone, p.commune, p.status, p.sectors];
}

/**
 * Writes a CSV file of `rows` people (plus a header line) in the communes given, streaming so that a
 * million rows take no memory. `broken` maps a 0-based row index to a function that damages that row.
 */
export async function writeSampleCsv(
  file: string,
  opts: { rows: number; seed?: number; communes: readonly string[]; broken?: ReadonlyMap<number, (row: string[]) => string[]> },
): Promise<void> {
  const random = seededRandom(opts.seed ?? 1);
  const out = fs.createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${SAMPLE_HEADERS.map(csvField).join(',')}\n`);
  let chunk = '';
  for (let i = 0; i < opts.rows; i++) {
    let row = sampleRow(samplePerson(i, random, opts.communes));
    const damage = opts.broken?.get(i);
    if (damage) row = damage(row);
    chunk += `${row.map(csvField).join(',')}\n`;
    if (chunk.length > 256 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  out.end();
  await once(out, 'finish');
}
