import type { CommuniqueBody, CommuniquePerson, MeetingRecord } from './communique.generator';

/** Small factories for the generator's tests: the bodies and people of the Sefrou meeting. */
let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export function buildBody(b: Partial<CommuniqueBody> & Pick<CommuniqueBody, 'kind' | 'nameAr' | 'nameFr'>): CommuniqueBody {
  return { id: nextId(), ...b };
}

export function buildPerson(p: Partial<CommuniquePerson>): CommuniquePerson {
  return { id: nextId(), givenNameAr: null, familyNameAr: null, givenNameLatin: null, familyNameLatin: null, honorific: null, gender: 'male', mandates: [], ...p };
}

export const sefrou = {
  provincial: buildBody({ kind: 'provincial_secretariat', nameAr: 'الأمانة الإقليمية بصفرو', nameFr: 'Secrétariat provincial de Sefrou' }),
  regional: buildBody({ kind: 'regional_secretariat', nameAr: 'الأمانة الجهوية لجهة فاس مكناس', nameFr: 'Secrétariat régional de Fès-Meknès' }),
  bhalil: buildBody({ kind: 'preparatory_committee', nameAr: 'اللجنة التحضيرية بالبهاليل', nameFr: 'Comité préparatoire de Bhalil' }),
  women: buildBody({ kind: 'sector_body', nameAr: 'منظمة نساء الأصالة والمعاصرة بصفرو', nameFr: 'Organisation des femmes PAM de Sefrou' }),
};

export function buildSefrouRecord(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  const elHajira = buildPerson({ givenNameAr: 'محمد', familyNameAr: 'الحجيرة', givenNameLatin: 'Mohamed', familyNameLatin: 'El Hajira', honorific: 'الدكتور', mandates: [{ position: 'regional_secretary_general', body: sefrou.regional }] });
  const amimi = buildPerson({ givenNameAr: 'إدريس', familyNameAr: 'عميمي', givenNameLatin: 'Driss', familyNameLatin: 'Amimi', mandates: [{ position: 'provincial_secretary', body: sefrou.provincial }] });
  const amrani = buildPerson({ givenNameAr: 'حسن', familyNameAr: 'العمراني', givenNameLatin: 'Hassan', familyNameLatin: 'El Amrani', mandates: [{ position: 'committee_president', body: sefrou.bhalil }] });
  const bennani = buildPerson({ givenNameAr: 'فاطمة الزهراء', familyNameAr: 'بناني', givenNameLatin: 'Fatima Zahra', familyNameLatin: 'Bennani', gender: 'female', mandates: [{ position: 'sector_coordinator', body: sefrou.women }] });
  const guest = buildPerson({ givenNameLatin: 'Karim', familyNameLatin: 'Berrada' });
  return {
    organization: { ofAr: 'لحزب الأصالة والمعاصرة', ofFr: 'du Parti Authenticité et Modernité' },
    body: sefrou.provincial,
    kind: 'internal',
    mode: 'remote',
    place: null,
    address: null,
    title: 'اجتماع الأمانة الإقليمية',
    purpose: 'تدارس الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية',
    startsAt: new Date('2020-05-17T16:00:00Z'),
    endsAt: new Date('2020-05-17T18:00:00Z'),
    timeZone: 'Africa/Casablanca',
    convener: { person: elHajira },
    chair: amimi,
    attendance: [
      { person: guest, presence: 'remote', isGuest: true, title: null },
      { person: amrani, presence: 'remote', isGuest: false, title: null },
      { person: bennani, presence: 'remote', isGuest: false, title: null },
      { person: elHajira, presence: 'remote', isGuest: true, title: 'الأمين الجهوي للحزب بجهة فاس مكناس وعضو مجلس النواب' },
      { person: amimi, presence: 'remote', isGuest: false, title: null },
    ],
    agenda: [
      {
        title: 'الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية',
        speeches: [
          { person: amimi, speaker: null, summary: 'أن الإقليم عرف في ظرف وجيز تأسيس أمانة محلية وعدة لجان تحضيرية' },
          { person: amimi, speaker: null, summary: 'حصيلة الدورات التكوينية لفائدة المنخرطين والشباب' },
          { person: bennani, speaker: null, summary: 'على ضرورة إشراك النساء في الهياكل المحلية' },
        ],
        notes: null,
      },
    ],
    decisions: [
      { text: 'تشكيل هيئة للحزب في كل جماعة من جماعات الإقليم', by: elHajira },
      { text: 'الانفتاح على الشباب والنساء', by: elHajira },
      { text: 'عقد الاجتماع المقبل في يونيو', by: null },
    ],
    ...overrides,
  };
}
