import type { AppServices } from '../server/app';
import { systemActor } from '../modules/access/audit';
import type { Role } from '../modules/access/roles';
import { seedDemoMeeting } from './demo.meeting';
import { generateMembers } from './demo.members';

/**
 * The situation Tanzim is built for: the Authenticity and Modernity Party in Sefrou province, May 2020.
 * The provincial secretariat met by video conference at the invitation of the regional secretary
 * general; the province had one local secretariat (Immouzzer-Kandar) and preparatory committees
 * (Bhalil, Bir Tam-Tam). Tests use this same seed.
 */
export const DEMO = {
  party: { nameAr: 'حزب الأصالة والمعاصرة', nameFr: 'Parti Authenticité et Modernité' },
  codes: {
    region: '03',
    province: '03451',
    immouzzer: '034510105',
    bhalil: '034510101',
    birTamTam: '034510305',
    sefrouCity: '034510109',
    fesPrefecture: '03231',
    fesCity: '003231010',
    ouladTayeb: '032310115',
  },
  password: 'tanzim-demo-2020',
  /** Generated members of Sefrou province, besides the named persons. */
  members: 300,
} as const;

export interface DemoLogin {
  email: string;
  /** The role and territory the user holds: explicitly for the administrator, through a mandate for the others. */
  role: Role;
  scopeCode: string | null;
  isFromMandate: boolean;
  label: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { email: 'admin@demo.tanzim.ma', role: 'admin', scopeCode: null, isFromMandate: false, label: 'National administrator' },
  { email: 'elhajira@demo.tanzim.ma', role: 'officer', scopeCode: DEMO.codes.region, isFromMandate: true, label: 'Regional secretary general, Fès-Meknès' },
  { email: 'amimi@demo.tanzim.ma', role: 'officer', scopeCode: DEMO.codes.province, isFromMandate: true, label: 'Provincial secretary, Sefrou' },
  { email: 'immouzzer@demo.tanzim.ma', role: 'officer', scopeCode: DEMO.codes.immouzzer, isFromMandate: true, label: 'Local secretary, Immouzzer-Kandar' },
];

export async function seedDemo(services: AppServices): Promise<void> {
  const actor = systemActor;
  const { bodies, people, mandates, access } = services;
  const { codes } = DEMO;

  const person = (p: Parameters<typeof people.create>[1]) => people.create(actor, p);
  const elHajira = await person({ title: 'الدكتور', givenNameAr: 'محمد', familyNameAr: 'الحجيرة', givenNameLatin: 'Mohamed', familyNameLatin: 'El Hajira', gender: 'male', birthYear: 1961, communeCode: '003231010' });
  const amimi = await person({ givenNameAr: 'إدريس', familyNameAr: 'عميمي', givenNameLatin: 'Driss', familyNameLatin: 'Amimi', gender: 'male', birthYear: 1968, communeCode: codes.sefrouCity });
  const localSecretary = await person({ givenNameAr: 'عبد الرحيم', familyNameAr: 'الوزاني', givenNameLatin: 'Abderrahim', familyNameLatin: 'Ouazzani', gender: 'male', birthYear: 1975, communeCode: codes.immouzzer });
  const bhalilPresident = await person({ givenNameAr: 'حسن', familyNameAr: 'العمراني', givenNameLatin: 'Hassan', familyNameLatin: 'El Amrani', gender: 'male', birthYear: 1979, communeCode: codes.bhalil });
  const birTamTamPresident = await person({ givenNameAr: 'محمد', familyNameAr: 'آيت الطالب', givenNameLatin: 'Mohamed', familyNameLatin: 'Ait Taleb', gender: 'male', birthYear: 1983, communeCode: codes.birTamTam });
  const womenFigure = await person({ givenNameAr: 'فاطمة الزهراء', familyNameAr: 'بناني', givenNameLatin: 'Fatima Zahra', familyNameLatin: 'Bennani', gender: 'female', birthYear: 1986, communeCode: codes.sefrouCity });
  const youthFigure = await person({ givenNameAr: 'أيوب', familyNameAr: 'الشرايبي', givenNameLatin: 'Ayoub', familyNameLatin: 'Chraibi', gender: 'male', birthYear: 1997, communeCode: codes.sefrouCity });
  const treasurer = await person({ givenNameAr: 'نزهة', familyNameAr: 'العلوي', givenNameLatin: 'Nezha', familyNameLatin: 'Alaoui', gender: 'female', birthYear: 1972, communeCode: codes.sefrouCity });
  const provincialMember = await person({ givenNameAr: 'عبد الله', familyNameAr: 'بنموسى', givenNameLatin: 'Abdellah', familyNameLatin: 'Benmoussa', gender: 'male', birthYear: 1970, communeCode: codes.sefrouCity });
  const fesSecretary = await person({ givenNameAr: 'كريمة', familyNameAr: 'التازي', givenNameLatin: 'Karima', familyNameLatin: 'Tazi', gender: 'female', birthYear: 1974, communeCode: codes.fesCity });
  const ouladTayebSecretary = await person({ givenNameAr: 'يوسف', familyNameAr: 'الإدريسي', givenNameLatin: 'Youssef', familyNameLatin: 'Idrissi', gender: 'male', birthYear: 1981, communeCode: codes.ouladTayeb });

  const national = await bodies.create(actor, {
    kind: 'national_secretariat',
    territoryCode: 'MA',
    nameAr: `الأمانة العامة ل${DEMO.party.nameAr}`,
    nameFr: `Secrétariat national du ${DEMO.party.nameFr}`,
    statusDate: '2008-08-08',
  });
  const regional = await bodies.create(actor, {
    kind: 'regional_secretariat',
    territoryCode: codes.region,
    parentId: national.id,
    nameAr: 'الأمانة الجهوية لجهة فاس مكناس',
    nameFr: 'Secrétariat régional de Fès-Meknès',
    statusDate: '2016-02-20',
  });
  const provincial = await bodies.create(actor, {
    kind: 'provincial_secretariat',
    territoryCode: codes.province,
    parentId: regional.id,
    nameAr: 'الأمانة الإقليمية بصفرو',
    nameFr: 'Secrétariat provincial de Sefrou',
    statusDate: '2016-05-14',
  });
  const immouzzerCommittee = await bodies.create(actor, {
    kind: 'preparatory_committee',
    territoryCode: codes.immouzzer,
    parentId: provincial.id,
    nameAr: 'اللجنة التحضيرية بإيموزار كندر',
    nameFr: "Comité préparatoire d'Immouzzer-Kandar",
    statusDate: '2019-10-05',
  });
  const immouzzer = await bodies.constitute(actor, immouzzerCommittee.id, {
    date: '2020-01-25',
    nameAr: 'الأمانة المحلية بإيموزار كندر',
    nameFr: "Secrétariat local d'Immouzzer-Kandar",
  });
  const bhalil = await bodies.create(actor, {
    kind: 'preparatory_committee',
    territoryCode: codes.bhalil,
    parentId: provincial.id,
    nameAr: 'اللجنة التحضيرية بالبهاليل',
    nameFr: 'Comité préparatoire de Bhalil',
    statusDate: '2020-02-29',
  });
  const birTamTam = await bodies.create(actor, {
    kind: 'preparatory_committee',
    territoryCode: codes.birTamTam,
    parentId: provincial.id,
    nameAr: 'اللجنة التحضيرية ببئر طم طم',
    nameFr: 'Comité préparatoire de Bir Tam-Tam',
    statusDate: '2020-03-07',
  });
  const women = await bodies.create(actor, {
    kind: 'sector_body',
    sector: 'women',
    territoryCode: codes.province,
    parentId: provincial.id,
    nameAr: 'منظمة نساء الأصالة والمعاصرة بصفرو',
    nameFr: 'Organisation des femmes PAM de Sefrou',
    statusDate: '2018-03-08',
  });
  const youth = await bodies.create(actor, {
    kind: 'sector_body',
    sector: 'youth',
    territoryCode: codes.province,
    parentId: provincial.id,
    nameAr: 'منظمة شباب الأصالة والمعاصرة بصفرو',
    nameFr: 'Organisation des jeunes PAM de Sefrou',
    statusDate: '2018-04-21',
  });

  // Neighbouring Fès, outside Sefrou: what the regional secretary general sees and the provincial secretary does not.
  const fesProvincial = await bodies.create(actor, {
    kind: 'provincial_secretariat',
    territoryCode: codes.fesPrefecture,
    parentId: regional.id,
    nameAr: 'الأمانة الإقليمية بفاس',
    nameFr: 'Secrétariat provincial de Fès',
    statusDate: '2016-04-09',
  });
  const ouladTayeb = await bodies.create(actor, {
    kind: 'local_secretariat',
    territoryCode: codes.ouladTayeb,
    parentId: fesProvincial.id,
    nameAr: 'الأمانة المحلية بأولاد الطيب',
    nameFr: 'Secrétariat local de Oulad Tayeb',
    statusDate: '2019-06-15',
  });

  const give = (bodyId: string, personId: string, position: Parameters<typeof mandates.create>[1]['position'], startedOn: string) =>
    mandates.create(actor, { bodyId, personId, position, startedOn });
  await give(regional.id, elHajira.id, 'regional_secretary_general', '2020-03-14');
  await give(provincial.id, amimi.id, 'provincial_secretary', '2016-05-14');
  await give(provincial.id, treasurer.id, 'treasurer', '2016-05-14');
  await give(provincial.id, provincialMember.id, 'member', '2016-05-14');
  await give(fesProvincial.id, fesSecretary.id, 'provincial_secretary', '2016-04-09');
  await give(ouladTayeb.id, ouladTayebSecretary.id, 'local_secretary', '2019-06-15');
  await give(immouzzer.id, localSecretary.id, 'local_secretary', '2020-01-25');
  await give(bhalil.id, bhalilPresident.id, 'committee_president', '2020-02-29');
  await give(birTamTam.id, birTamTamPresident.id, 'committee_president', '2020-03-07');
  await give(women.id, womenFigure.id, 'sector_coordinator', '2018-03-08');
  await give(youth.id, youthFigure.id, 'sector_coordinator', '2018-04-21');

  // The membership of the province: a few hundred people in the communes that have a body.
  const withBodies = [codes.sefrouCity, codes.immouzzer, codes.bhalil, codes.birTamTam];
  const members = generateMembers(
    withBodies.map((code) => ({ code, weight: Math.sqrt(services.territories.require(code).population ?? 1) })),
    DEMO.members,
  );
  const ids = await people.createMany(actor, members.map((m) => m.person));
  await services.personRecords.recordMany(actor, {
    fees: members.flatMap((m, i) => m.fees.map((year) => ({ personId: ids[i] ?? '', year, amount: 100, paidOn: `${year}-03-15` }))),
    consents: members.flatMap((m, i) => (m.hasConsent ? [{ personId: ids[i] ?? '', purpose: 'invitations', channel: 'paper_form', givenOn: m.person.joinedOn ?? '2020-01-01' }] : [])),
  });

  const personOf: Record<string, string | null> = {
    'elhajira@demo.tanzim.ma': elHajira.id,
    'amimi@demo.tanzim.ma': amimi.id,
    'immouzzer@demo.tanzim.ma': localSecretary.id,
  };
  const names: Record<string, string> = {
    'admin@demo.tanzim.ma': 'مدير المنصة',
    'elhajira@demo.tanzim.ma': 'محمد الحجيرة',
    'amimi@demo.tanzim.ma': 'إدريس عميمي',
    'immouzzer@demo.tanzim.ma': 'عبد الرحيم الوزاني',
  };
  for (const login of DEMO_LOGINS) {
    await access.createUser(actor, {
      email: login.email,
      name: names[login.email] ?? login.email,
      password: DEMO.password,
      // The officers hold no grant of their own: their mandates give them their territory.
      role: login.isFromMandate ? undefined : login.role,
      scopeCode: login.isFromMandate ? null : login.scopeCode,
      personId: personOf[login.email] ?? null,
    });
  }

  await seedDemoMeeting(services, {
    people: {
      elHajira: elHajira.id,
      amimi: amimi.id,
      localSecretary: localSecretary.id,
      bhalilPresident: bhalilPresident.id,
      birTamTamPresident: birTamTamPresident.id,
      womenFigure: womenFigure.id,
      youthFigure: youthFigure.id,
      treasurer: treasurer.id,
      provincialMember: provincialMember.id,
    },
    bodies: { regional: regional.id, provincial: provincial.id, immouzzer: immouzzer.id, bhalil: bhalil.id, birTamTam: birTamTam.id, women: women.id, youth: youth.id },
  });
}
