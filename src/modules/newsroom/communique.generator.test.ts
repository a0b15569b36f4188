import { describe, expect, it } from 'vitest';
import { buildPerson, buildSefrouRecord, sefrou } from './communique.fixtures';
import { bodyFullName, generateCommunique, joinAr, mandateTitle, ofFr, organizationFrom, titleOf, withBi, withLi } from './communique.generator';

const paragraphs = (text: string) => text.split('\n\n');
const indexOf = (text: string, part: string) => {
  const i = text.indexOf(part);
  expect(i, `«${part}» in the text`).toBeGreaterThanOrEqual(0);
  return i;
};

describe('the communiqué draft of a meeting', () => {
  it('heads with who chaired, who attended, the kind of meeting and the topic', () => {
    const { titleAr, titleFr } = generateCommunique(buildSefrouRecord());
    expect(titleAr).toBe(
      'تحت رئاسة الأمين الإقليمي إدريس عميمي وبحضور الأمين الجهوي الدكتور محمد الحجيرة، الأمانة الإقليمية لحزب الأصالة والمعاصرة بصفرو تعقد اجتماعا عن بعد لتدارس الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية',
    );
    expect(titleFr).toBe(
      'Sous la présidence de M. Driss Amimi, secrétaire provincial, et en présence du Dr Mohamed El Hajira, secrétaire général régional, le Secrétariat provincial du Parti Authenticité et Modernité de Sefrou tient une réunion par visioconférence consacrée à « الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية »',
    );
  });

  it('opens with the convener, the Moroccan date, the mode, the chair and the purpose', () => {
    const [first] = paragraphs(generateCommunique(buildSefrouRecord()).bodyAr);
    expect(first).toBe(
      'بدعوة من الأمين الجهوي للحزب بجهة فاس مكناس وعضو مجلس النواب الدكتور محمد الحجيرة، عقدت الأمانة الإقليمية لحزب الأصالة والمعاصرة بصفرو، يوم الأحد 17 ماي 2020 على الساعة 16:00، اجتماعا عن بعد عبر تقنية التناظر المرئي، ترأسه الأمين الإقليمي بصفرو إدريس عميمي، وخصص لتدارس الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية.',
    );
  });

  it('lists who attended with their titles: chair and convener first, guests last, nobody absent', () => {
    const record = buildSefrouRecord();
    const absent = buildPerson({ givenNameAr: 'سعيد', familyNameAr: 'الغائب' });
    const excused = buildPerson({ givenNameAr: 'نادية', familyNameAr: 'المعتذرة', gender: 'female' });
    const draft = generateCommunique({
      ...record,
      attendance: [...record.attendance, { person: absent, presence: 'absent', isGuest: false, title: null }, { person: excused, presence: 'excused', isGuest: false, title: null }],
    });
    const list = paragraphs(draft.bodyAr)[1];
    expect(list).toBe(
      [
        'وقد حضر هذا الاجتماع كل من:',
        '- الأمين الإقليمي بصفرو إدريس عميمي',
        '- الأمين الجهوي للحزب بجهة فاس مكناس وعضو مجلس النواب الدكتور محمد الحجيرة',
        '- رئيس اللجنة التحضيرية بالبهاليل حسن العمراني',
        '- منسقة منظمة نساء الأصالة والمعاصرة بصفرو فاطمة الزهراء بناني',
        '- السيد Karim Berrada',
      ].join('\n'),
    );
    expect(draft.bodyAr).not.toContain('الغائب');
    expect(draft.bodyAr).not.toContain('المعتذرة');
    expect(paragraphs(draft.bodyFr)[1]).toBe(
      [
        'Ont pris part à cette réunion :',
        '- M. Driss Amimi, secrétaire provincial de Sefrou',
        '- Dr Mohamed El Hajira, secrétaire général régional de Fès-Meknès',
        '- M. Hassan El Amrani, président du comité préparatoire de Bhalil',
        "- Mme Fatima Zahra Bennani, coordinatrice de l'organisation des femmes PAM de Sefrou",
        '- M. Karim Berrada',
      ].join('\n'),
    );
  });

  it('gives the substance from the minutes in the register of a communiqué, then the directives, then the other decisions', () => {
    const { bodyAr } = generateCommunique(buildSefrouRecord());
    const parts = paragraphs(bodyAr);
    expect(parts.slice(2)).toEqual([
      'وفي كلمته، أكد الأمين الإقليمي إدريس عميمي أن الإقليم عرف في ظرف وجيز تأسيس أمانة محلية وعدة لجان تحضيرية.',
      'كما استعرض حصيلة الدورات التكوينية لفائدة المنخرطين والشباب.',
      'ومن جهتها، شددت منسقة منظمة نساء الأصالة والمعاصرة بصفرو فاطمة الزهراء بناني على ضرورة إشراك النساء في الهياكل المحلية.',
      'وفي ختام الاجتماع، قدم الأمين الجهوي الدكتور محمد الحجيرة توجيهاته، التي تمثلت في:\n- تشكيل هيئة للحزب في كل جماعة من جماعات الإقليم\n- الانفتاح على الشباب والنساء',
      'كما قرر المجتمعون:\n- عقد الاجتماع المقبل في يونيو',
      'الأمانة الإقليمية لحزب الأصالة والمعاصرة بصفرو',
    ]);
  });

  it('chooses the verb of a speech from how its summary begins', () => {
    const record = buildSefrouRecord();
    const speaker = buildPerson({ givenNameAr: 'نزهة', familyNameAr: 'العلوي', gender: 'female' });
    const speeches = ['إلى مواصلة العمل', 'عن ارتياحها للنتائج', 'بالمجهودات المبذولة', 'برنامج العمل السنوي'].map((summary) => ({ person: speaker, speaker: null, summary }));
    const { bodyAr } = generateCommunique({ ...record, agenda: [{ title: 'تقييم', speeches, notes: null }], decisions: [] });
    expect(bodyAr).toContain('وفي كلمتها، دعت السيدة نزهة العلوي إلى مواصلة العمل.');
    expect(bodyAr).toContain('كما عبرت عن ارتياحها للنتائج.');
    expect(bodyAr).toContain('ونوهت بالمجهودات المبذولة.');
    expect(bodyAr).toContain('كما استعرضت برنامج العمل السنوي.');
  });

  it('goes on with the same speaker and turns to the next in the register of a communiqué', () => {
    const record = buildSefrouRecord();
    const [a, b, c] = [record.chair, buildPerson({ givenNameAr: 'سعاد', familyNameAr: 'الفاسي', gender: 'female' }), buildPerson({ givenNameAr: 'كريم', familyNameAr: 'برادة' })];
    const speeches = [
      { person: a, speaker: null, summary: 'أن العمل مستمر' },
      { person: a, speaker: null, summary: 'على التعبئة' },
      { person: a, speaker: null, summary: 'بالنتائج' },
      { person: b, speaker: null, summary: 'أن النساء حاضرات' },
      { person: c, speaker: null, summary: 'إلى الوحدة' },
    ];
    const { bodyAr, bodyFr } = generateCommunique({ ...record, agenda: [{ title: 'تقييم', speeches, notes: null }], decisions: [] });
    expect(paragraphs(bodyAr).slice(2, 7)).toEqual([
      'وفي كلمته، أكد الأمين الإقليمي إدريس عميمي أن العمل مستمر.',
      'كما شدد على التعبئة.',
      'ونوه بالنتائج.',
      'ومن جهتها، أكدت السيدة سعاد الفاسي أن النساء حاضرات.',
      'وبدوره، دعا السيد كريم برادة إلى الوحدة.',
    ]);
    expect(paragraphs(bodyFr).slice(2, 7)).toEqual([
      'Dans son intervention, M. Driss Amimi, secrétaire provincial, a affirmé : « العمل مستمر. »',
      'Il a également souligné : « التعبئة. »',
      'Il a en outre salué : « النتائج. »',
      'De son côté, Mme سعاد الفاسي a affirmé : « النساء حاضرات. »',
      'Pour sa part, M. كريم برادة a lancé un appel : « الوحدة. »',
    ]);
  });

  it('introduces each agenda item when there are several, and takes speakers named only in the minutes', () => {
    const record = buildSefrouRecord();
    const { bodyAr, bodyFr, titleAr } = generateCommunique({
      ...record,
      agenda: [
        { title: 'الوضع التنظيمي', speeches: [{ person: null, speaker: 'ممثل الشبيبة', summary: 'أن الشباب مستعدون' }], notes: null },
        { title: 'التحضير للانتخابات', speeches: [], notes: 'تم الاتفاق على لجنة للوجستيك.' },
        { title: 'نقطة بلا محضر', speeches: [], notes: null },
      ],
    });
    expect(titleAr).toContain('لتدارس الوضع التنظيمي، التحضير للانتخابات ونقطة بلا محضر');
    expect(bodyAr).toContain('وتناول الاجتماع نقطة «الوضع التنظيمي». وفي كلمته، أكد ممثل الشبيبة أن الشباب مستعدون.');
    expect(bodyAr).toContain('وتناول الاجتماع نقطة «التحضير للانتخابات». تم الاتفاق على لجنة للوجستيك.');
    expect(bodyAr).not.toContain('نقطة «نقطة بلا محضر»');
    expect(bodyFr).toContain('La réunion a ensuite abordé le point « الوضع التنظيمي ». Dans son intervention, ممثل الشبيبة a affirmé : « الشباب مستعدون. »');
  });

  it('writes a meeting in person at its place, and a hybrid one both ways', () => {
    const inPerson = generateCommunique(buildSefrouRecord({ mode: 'in_person', place: 'مقر الحزب بصفرو', address: 'شارع محمد الخامس' }));
    expect(inPerson.titleAr).toContain('تعقد اجتماعا بمقر الحزب بصفرو لتدارس');
    expect(paragraphs(inPerson.bodyAr)[0]).toContain('اجتماعا حضوريا بمقر الحزب بصفرو، شارع محمد الخامس، ترأسه');
    expect(inPerson.bodyAr).not.toContain('عن بعد');
    expect(inPerson.bodyFr).toContain('une réunion en présentiel à مقر الحزب بصفرو, شارع محمد الخامس, présidée par');
    expect(inPerson.bodyFr).not.toContain('visioconférence');

    const hybrid = generateCommunique(buildSefrouRecord({ mode: 'hybrid', place: 'مقر الحزب', address: null }));
    expect(hybrid.titleAr).toContain('تعقد اجتماعا حضوريا وعن بعد لتدارس');
    expect(paragraphs(hybrid.bodyAr)[0]).toContain('اجتماعا حضوريا بمقر الحزب وعن بعد عبر تقنية التناظر المرئي، ترأسه');
    expect(hybrid.titleFr).toContain('tient une réunion en présentiel et par visioconférence consacrée');
    expect(hybrid.bodyFr).toContain('une réunion en présentiel à مقر الحزب et par visioconférence, présidée par');

    const remote = generateCommunique(buildSefrouRecord());
    expect(remote.bodyAr).toContain('اجتماعا عن بعد عبر تقنية التناظر المرئي');
    expect(remote.bodyFr).toContain('une réunion par visioconférence');
  });

  it('names the kind of meeting', () => {
    expect(generateCommunique(buildSefrouRecord({ kind: 'outreach' })).titleAr).toContain('تعقد لقاء تواصليا عن بعد');
    expect(generateCommunique(buildSefrouRecord({ kind: 'general_assembly' })).titleFr).toContain('tient une assemblée générale par visioconférence');
  });

  it('writes the French version with the same structure and the French date', () => {
    const { bodyFr } = generateCommunique(buildSefrouRecord());
    const parts = paragraphs(bodyFr);
    expect(parts[0]).toBe(
      "À l'invitation du Dr Mohamed El Hajira, secrétaire général régional de Fès-Meknès, le Secrétariat provincial du Parti Authenticité et Modernité de Sefrou a tenu, le dimanche 17 mai 2020 à 16 h 00, une réunion par visioconférence, présidée par M. Driss Amimi, secrétaire provincial de Sefrou, consacrée à « تدارس الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية ».",
    );
    expect(parts).toHaveLength(paragraphs(generateCommunique(buildSefrouRecord()).bodyAr).length);
    expect(indexOf(bodyFr, 'Ont pris part')).toBeLessThan(indexOf(bodyFr, 'Dans son intervention, M. Driss Amimi, secrétaire provincial, a affirmé : « الإقليم عرف'));
    expect(indexOf(bodyFr, 'Il a également présenté : « حصيلة')).toBeLessThan(indexOf(bodyFr, "De son côté, Mme Fatima Zahra Bennani, coordinatrice de l'organisation des femmes PAM de Sefrou, a souligné : « ضرورة"));
    expect(indexOf(bodyFr, 'Au terme de la réunion, le Dr Mohamed El Hajira, secrétaire général régional, a donné ses directives :\n- تشكيل')).toBeLessThan(
      indexOf(bodyFr, 'Les participants ont également décidé :\n- عقد الاجتماع المقبل في يونيو'),
    );
    expect(parts.at(-1)).toBe('Secrétariat provincial du Parti Authenticité et Modernité de Sefrou');
  });

  it('convened by a body, or by nobody, and without a chair', () => {
    const byBody = generateCommunique(buildSefrouRecord({ convener: { body: sefrou.regional } }));
    expect(byBody.bodyAr.startsWith('بدعوة من الأمانة الجهوية لحزب الأصالة والمعاصرة لجهة فاس مكناس، عقدت')).toBe(true);
    expect(byBody.bodyFr.startsWith("À l'invitation du Secrétariat régional du Parti Authenticité et Modernité de Fès-Meknès, le Secrétariat provincial")).toBe(true);
    // The convener is no longer named in the headline, nor listed first.
    expect(byBody.titleAr).not.toContain('وبحضور');

    const plain = generateCommunique(buildSefrouRecord({ convener: null, chair: null, organization: null, decisions: [{ text: 'قرار', by: null }] }));
    expect(plain.titleAr.startsWith('الأمانة الإقليمية بصفرو تعقد اجتماعا عن بعد')).toBe(true);
    expect(plain.titleFr.startsWith('Le Secrétariat provincial de Sefrou tient une réunion')).toBe(true);
    expect(plain.bodyAr.startsWith('عقدت الأمانة الإقليمية بصفرو، يوم الأحد 17 ماي 2020')).toBe(true);
    expect(plain.bodyAr).not.toContain('ترأسه');
    expect(plain.bodyAr).toContain('وفي ختام الاجتماع، قرر المجتمعون:\n- قرار');
  });

  it('writes a woman giving directives in the feminine', () => {
    const record = buildSefrouRecord();
    const regional = buildPerson({ givenNameAr: 'سميرة', familyNameAr: 'بنعلي', givenNameLatin: 'Samira', familyNameLatin: 'Benali', gender: 'female', honorific: 'Dr', mandates: [{ position: 'regional_secretary_general', body: sefrou.regional }] });
    const { bodyAr, bodyFr } = generateCommunique({ ...record, convener: { person: regional }, decisions: [{ text: 'الانفتاح على الشباب', by: regional }] });
    expect(bodyAr).toContain('وفي ختام الاجتماع، قدمت الأمينة الجهوية الدكتورة سميرة بنعلي توجيهاتها، التي تمثلت في:');
    expect(bodyAr).toContain('بدعوة من الأمينة الجهوية لجهة فاس مكناس الدكتورة سميرة بنعلي،');
    expect(bodyFr).toContain('le Dr Samira Benali, secrétaire générale régionale, a donné ses directives');
  });
});

describe('titles and names', () => {
  it('takes the attendance title in its own language and the mandate title in the other', () => {
    const p = buildPerson({ givenNameAr: 'محمد', familyNameAr: 'الحجيرة', mandates: [{ position: 'regional_secretary_general', body: sefrou.regional }] });
    expect(titleOf(p, 'الأمين الجهوي والنائب البرلماني', 'ar')).toEqual({ full: 'الأمين الجهوي والنائب البرلماني', short: 'الأمين الجهوي' });
    expect(titleOf(p, 'الأمين الجهوي والنائب البرلماني', 'fr')).toEqual({ full: 'secrétaire général régional de Fès-Meknès', short: 'secrétaire général régional' });
    expect(titleOf(p, 'député', 'fr').full).toBe('député');
    expect(titleOf(buildPerson({}), null, 'ar')).toEqual({ full: null, short: null });
  });

  it('prefers the highest position among current mandates', () => {
    const p = buildPerson({ mandates: [{ position: 'member', body: sefrou.provincial }, { position: 'committee_president', body: sefrou.bhalil }] });
    expect(titleOf(p, null, 'ar').full).toBe('رئيس اللجنة التحضيرية بالبهاليل');
  });

  it('writes every position of a body, in both genders', () => {
    const body = sefrou.provincial;
    expect(mandateTitle({ position: 'provincial_secretary', body }, 'female', 'ar').full).toBe('الأمينة الإقليمية بصفرو');
    expect(mandateTitle({ position: 'member', body }, 'male', 'ar').full).toBe('عضو الأمانة الإقليمية بصفرو');
    expect(mandateTitle({ position: 'member', body }, 'male', 'fr').full).toBe('membre du secrétariat provincial de Sefrou');
    expect(mandateTitle({ position: 'treasurer', body }, 'female', 'ar').full).toBe('أمينة مال الأمانة الإقليمية بصفرو');
    expect(mandateTitle({ position: 'treasurer', body }, 'female', 'fr').full).toBe('trésorière du secrétariat provincial de Sefrou');
    expect(mandateTitle({ position: 'deputy', body }, 'male', 'ar').full).toBe('نائب الأمين الإقليمي بصفرو');
    expect(mandateTitle({ position: 'deputy', body }, 'female', 'fr').full).toBe('adjointe au secrétaire provincial de Sefrou');
    // A body whose name does not begin with its kind's label.
    const odd = { ...body, nameAr: 'أمانة صفرو', nameFr: 'Bureau de Sefrou' };
    expect(mandateTitle({ position: 'provincial_secretary', body: odd }, 'male', 'ar').full).toBe('الأمين الإقليمي لأمانة صفرو');
    expect(mandateTitle({ position: 'provincial_secretary', body: odd }, 'male', 'fr').full).toBe('secrétaire provincial du bureau de Sefrou');
  });

  it('joins Arabic prepositions and lists, and French articles', () => {
    expect(withLi('الوضع التنظيمي')).toBe('للوضع التنظيمي');
    expect(withLi('تدارس')).toBe('لتدارس');
    expect(withBi('مقر الحزب')).toBe('بمقر الحزب');
    expect(joinAr(['أ', 'ب', 'ج'])).toBe('أ، ب وج');
    expect(ofFr('Comité préparatoire de Bhalil')).toBe('du comité préparatoire de Bhalil');
    expect(ofFr('Organisation des femmes')).toBe("de l'organisation des femmes");
    expect(ofFr('Fédération des coopératives')).toBe('de la fédération des coopératives');
    expect(bodyFullName(sefrou.provincial, { ofAr: 'لحزب الأصالة والمعاصرة', ofFr: 'du Parti Authenticité et Modernité' }, 'ar')).toBe('الأمانة الإقليمية لحزب الأصالة والمعاصرة بصفرو');
    expect(bodyFullName(sefrou.women, { ofAr: 'لحزب الأصالة والمعاصرة', ofFr: 'du Parti Authenticité et Modernité' }, 'ar')).toBe('منظمة نساء الأصالة والمعاصرة بصفرو');
  });
});

describe('the organization', () => {
  it('is named from its top body', () => {
    const top = { id: 'x', kind: 'national_secretariat' as const, nameAr: 'الأمانة العامة لحزب الأصالة والمعاصرة', nameFr: 'Secrétariat national du Parti Authenticité et Modernité' };
    expect(organizationFrom(top)).toEqual({ ofAr: 'لحزب الأصالة والمعاصرة', ofFr: 'du Parti Authenticité et Modernité' });
    expect(organizationFrom({ ...top, nameAr: 'الأمانة العامة', nameFr: 'Secrétariat national' })).toBeNull();
    expect(organizationFrom({ ...top, nameAr: 'المكتب الوطني' })).toBeNull();
  });
});
