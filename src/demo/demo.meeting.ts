import type { AppServices } from '../server/app';
import { systemActor } from '../modules/access/audit';
import { Scope } from '../modules/access/scope';
import { instantAt } from '../modules/newsroom/moroccan-date';

/** The people and bodies of the demo that the meeting of 17 May 2020 names. */
export interface DemoMeetingCast {
  people: {
    elHajira: string;
    amimi: string;
    localSecretary: string;
    bhalilPresident: string;
    birTamTamPresident: string;
    womenFigure: string;
    youthFigure: string;
    treasurer: string;
    provincialMember: string;
  };
  bodies: {
    regional: string;
    provincial: string;
    immouzzer: string;
    bhalil: string;
    birTamTam: string;
    women: string;
    youth: string;
  };
}

export const DEMO_MEETING = {
  date: '2020-05-17',
  agenda: 'الوضع التنظيمي للحزب بالإقليم وآفاقه المستقبلية',
} as const;

/**
 * The meeting the seed document tells of: on Sunday 17 May 2020 (Ramadan, when Morocco is on UTC+0)
 * Sefrou's provincial secretariat met by video conference at the invitation of the regional secretary
 * general, chaired by the provincial secretary. Its minutes are approved by the chair, his directives
 * are decisions with actions, and a communiqué draft is written from the record. Everything goes
 * through the services, so the audit log holds it as if it had been typed in.
 */
export async function seedDemoMeeting(services: AppServices, cast: DemoMeetingCast): Promise<{ meetingId: string; communiqueId: string }> {
  const { meetings, minutes, actions, communiques, territories } = services;
  const { people: p, bodies: b } = cast;
  const actor = systemActor;
  const all = Scope.all(territories);
  // Recorded by the provincial secretariat; the chair is the one who approves the minutes.
  const viewer = { read: all, write: all, isAdmin: false, personId: p.amimi };
  const tz = 'Africa/Casablanca';

  const meeting = await meetings.create(actor, viewer, {
    bodyId: b.provincial,
    kind: 'internal',
    title: 'اجتماع الأمانة الإقليمية بصفرو',
    purpose: `تدارس ${DEMO_MEETING.agenda}`,
    convenedByPersonId: p.elHajira,
    convenedByBodyId: b.regional,
    chairPersonId: p.amimi,
    secretaryPersonId: p.provincialMember,
    startsAt: instantAt(DEMO_MEETING.date, '16:00', tz).toISOString(),
    endsAt: instantAt(DEMO_MEETING.date, '18:00', tz).toISOString(),
    mode: 'remote',
    agenda: [{ title: DEMO_MEETING.agenda }],
    invitedBodyIds: [b.immouzzer, b.bhalil, b.birTamTam, b.women, b.youth],
    guestPersonIds: [p.elHajira],
  });
  const agendaItemId = meeting.agenda[0]?.id;
  if (!agendaItemId) throw new Error('the demo meeting has no agenda item');

  await meetings.recordAttendance(actor, viewer, meeting.id, {
    entries: [
      { personId: p.amimi, presence: 'remote' },
      { personId: p.elHajira, presence: 'remote', isGuest: true, title: 'الأمين الجهوي للحزب بجهة فاس مكناس وعضو مجلس النواب' },
      { personId: p.localSecretary, presence: 'remote' },
      { personId: p.bhalilPresident, presence: 'remote' },
      { personId: p.birTamTamPresident, presence: 'remote' },
      { personId: p.womenFigure, presence: 'remote', title: 'منسقة منظمة نساء الأصالة والمعاصرة بصفرو' },
      { personId: p.youthFigure, presence: 'remote', title: 'منسق منظمة شباب الأصالة والمعاصرة بصفرو' },
      { personId: p.treasurer, presence: 'remote' },
      { personId: p.provincialMember, presence: 'remote' },
    ],
  });

  await minutes.save(actor, viewer, meeting.id, {
    items: [
      {
        agendaItemId,
        speeches: [
          {
            personId: p.amimi,
            summary:
              'أن الإقليم عرف، في ظرف وجيز، تأسيس أمانة محلية بإيموزار كندر ولجان تحضيرية بكل من البهاليل وبئر طم طم، وذلك رغم الظرفية الاستثنائية التي تعيشها بلادنا بسبب جائحة كورونا',
          },
          { personId: p.amimi, summary: 'حصيلة الدورات التكوينية التي نظمتها الأمانة الإقليمية لفائدة المنخرطين والشباب وفعاليات المجتمع المدني من جمعيات وتعاونيات' },
          {
            personId: p.amimi,
            summary:
              'على أن الأمانة الإقليمية تطمح إلى تحقيق نتائج مشرفة في الاستحقاقات الانتخابية المقبلة، وفق ثلاثة محاور: التواصل الخارجي والترافع، واللقاءات التواصلية، والتنظيم',
          },
          {
            personId: p.amimi,
            summary: 'بتعيين الدكتور محمد الحجيرة أمينا جهويا للحزب بجهة فاس مكناس، مقدما له، باسم أعضاء الأمانة الإقليمية ومناضلي الحزب بالإقليم، أحر التهاني وأصدق متمنيات التوفيق في مهامه الجديدة',
          },
          { personId: p.localSecretary, summary: 'عن انخراط مناضلي إيموزار كندر في الدينامية التنظيمية التي يعرفها الإقليم واستعدادهم للمساهمة في إنجاح المحطات المقبلة' },
          { personId: p.elHajira, summary: 'بالمجهودات التي تبذلها الأمانة الإقليمية ومختلف هيئات الحزب بالإقليم، وبالدينامية التنظيمية التي يعرفها الحزب بصفرو' },
        ],
      },
    ],
  });
  await minutes.approve(actor, viewer, meeting.id);

  const directive = (text: string) => minutes.addDecision(actor, viewer, meeting.id, { agendaItemId, text, byPersonId: p.elHajira });
  const presence = await directive('ضمان حضور الحزب في كل جماعة من جماعات الإقليم بتشكيل هيئة له في كل جماعة');
  const opening = await directive('الانفتاح على الشباب والنساء واستقطاب طاقات وكفاءات جديدة');
  const elections = await directive('التحضير الجيد للاستحقاقات الانتخابية المقبلة بشريا ولوجستيكيا');

  const action = (decisionId: string, title: string, ownerBodyId: string, dueOn: string) => actions.create(actor, viewer, { decisionId, title, ownerBodyId, dueOn });
  await action(presence.id, 'تأسيس أمانة محلية أو لجنة تحضيرية في كل جماعة من جماعات إقليم صفرو', b.provincial, '2020-12-31');
  await action(opening.id, 'تنظيم لقاءات تواصلية مع شباب الإقليم وإدماجهم في هيئات الحزب', b.youth, '2020-09-30');
  await action(opening.id, 'تنظيم لقاءات تواصلية مع نساء الإقليم وإشراكهن في هيئات الحزب', b.women, '2020-09-30');
  await action(elections.id, 'إعداد لائحة المرشحين المحتملين وحاجيات الحملة الانتخابية من اللوجستيك', b.provincial, '2020-10-31');

  const communique = await communiques.generateForMeeting(actor, meeting.id);
  return { meetingId: meeting.id, communiqueId: communique.id };
}
