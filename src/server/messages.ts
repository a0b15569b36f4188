import type { Locale } from './locale';

type Catalog = Record<string, Record<Locale, string>>;

/**
 * Error messages the API returns, in the caller's language. Keys are the stable error codes of the
 * `{"error": {"code", "message"}}` shape; `{name}` placeholders are filled from the error's params.
 */
export const messages = {
  invalid_request: {
    ar: 'الطلب غير صالح: {details}',
    fr: 'Requête invalide : {details}',
    en: 'Invalid request: {details}',
  },
  malformed_json: {
    ar: 'نص الطلب ليس JSON صالحا.',
    fr: "Le corps de la requête n'est pas du JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  payload_too_large: {
    ar: 'حجم الطلب يتجاوز الحد المسموح به.',
    fr: 'La requête dépasse la taille autorisée.',
    en: 'The request is larger than allowed.',
  },
  unsupported_media_type: {
    ar: 'نوع المحتوى غير مدعوم، استعمل application/json.',
    fr: 'Type de contenu non pris en charge ; utilisez application/json.',
    en: 'Unsupported content type; use application/json.',
  },
  not_found: { ar: 'غير موجود.', fr: 'Introuvable.', en: 'Not found.' },
  route_not_found: { ar: 'هذا المسار غير موجود.', fr: "Cette adresse n'existe pas.", en: 'No such route.' },
  territory_not_found: {
    ar: 'لا يوجد تراب بالرمز {code}.',
    fr: "Aucun territoire n'a le code {code}.",
    en: 'No territory has the code {code}.',
  },
  body_not_found: { ar: 'الهيئة غير موجودة.', fr: 'Instance introuvable.', en: 'Body not found.' },
  person_not_found: { ar: 'الشخص غير موجود.', fr: 'Personne introuvable.', en: 'Person not found.' },
  mandate_not_found: { ar: 'المهمة غير موجودة.', fr: 'Mandat introuvable.', en: 'Mandate not found.' },
  map_unavailable: {
    ar: 'لا تتوفر خريطة لهذا التراب.',
    fr: "Aucune carte n'est disponible pour ce territoire.",
    en: 'No map is available for this territory.',
  },
  unauthenticated: {
    ar: 'يجب تسجيل الدخول أولا.',
    fr: "Vous devez d'abord vous connecter.",
    en: 'You must sign in first.',
  },
  forbidden: {
    ar: 'لا تملك صلاحية القيام بهذا.',
    fr: "Vous n'avez pas le droit de faire cela.",
    en: 'You are not allowed to do this.',
  },
  csrf_header_missing: {
    ar: 'طلب كتابة بدون رأس X-Tanzim-CSRF مرفوض.',
    fr: "Une écriture sans l'en-tête X-Tanzim-CSRF est refusée.",
    en: 'A write without the X-Tanzim-CSRF header is refused.',
  },
  invalid_credentials: {
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Wrong e-mail address or password.',
  },
  too_many_attempts: {
    ar: 'محاولات كثيرة. أعد المحاولة بعد {seconds} ثانية.',
    fr: 'Trop de tentatives. Réessayez dans {seconds} secondes.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  setup_not_needed: {
    ar: 'تم إعداد المنصة من قبل؛ سجل الدخول.',
    fr: 'La plateforme est déjà configurée ; connectez-vous.',
    en: 'The platform is already set up; sign in.',
  },
  setup_token_invalid: {
    ar: 'رابط الإعداد غير صالح أو استعمل من قبل.',
    fr: 'Le lien de configuration est invalide ou a déjà servi.',
    en: 'The setup link is invalid or was already used.',
  },
  email_taken: {
    ar: 'يوجد مستخدم بهذا البريد الإلكتروني.',
    fr: 'Un utilisateur a déjà cette adresse e-mail.',
    en: 'A user already has this e-mail address.',
  },
  wrong_level: {
    ar: '{kind} تنشأ على مستوى {expected}، و{territory} من مستوى {actual}.',
    fr: '{kind} se crée au niveau {expected} ; {territory} est de niveau {actual}.',
    en: 'A {kind} belongs at {expected} level; {territory} is at {actual} level.',
  },
  parent_required: {
    ar: 'يجب تحديد الهيئة الأم لـ{kind}.',
    fr: "L'instance parente d'un(e) {kind} est obligatoire.",
    en: 'A {kind} needs a parent body.',
  },
  parent_not_allowed: {
    ar: '{kind} ليست لها هيئة أم.',
    fr: "Un(e) {kind} n'a pas d'instance parente.",
    en: 'A {kind} has no parent body.',
  },
  parent_wrong_kind: {
    ar: 'لا يمكن أن تكون {parentKind} هيئة أم لـ{kind}.',
    fr: 'Un(e) {parentKind} ne peut pas être parent d’un(e) {kind}.',
    en: 'A {parentKind} cannot be the parent of a {kind}.',
  },
  parent_outside_territory: {
    ar: 'الهيئة الأم ({parent}) لا يشمل ترابها {territory}.',
    fr: "Le territoire de l'instance parente ({parent}) ne contient pas {territory}.",
    en: "The parent body's territory ({parent}) does not contain {territory}.",
  },
  parent_dissolved: {
    ar: 'الهيئة الأم منحلة.',
    fr: "L'instance parente est dissoute.",
    en: 'The parent body is dissolved.',
  },
  local_secretariat_exists: {
    ar: 'توجد أمانة محلية نشطة في {territory}.',
    fr: 'Un secrétariat local actif existe déjà à {territory}.',
    en: 'An active local secretariat already exists in {territory}.',
  },
  sector_required: {
    ar: 'يجب تحديد القطاع (الشباب أو النساء) للهيئة القطاعية.',
    fr: 'Un organe sectoriel doit préciser son secteur (jeunes ou femmes).',
    en: 'A sector body must name its sector (youth or women).',
  },
  sector_not_allowed: {
    ar: 'القطاع خاص بالهيئات القطاعية.',
    fr: 'Le secteur ne concerne que les organes sectoriels.',
    en: 'Only sector bodies have a sector.',
  },
  status_transition_invalid: {
    ar: 'لا يمكن الانتقال من حالة «{from}» إلى «{to}».',
    fr: 'Impossible de passer de « {from} » à « {to} ».',
    en: 'Cannot go from "{from}" to "{to}".',
  },
  date_before_status: {
    ar: 'التاريخ {date} سابق لتاريخ الحالة الحالية ({since}).',
    fr: "La date {date} précède celle de l'état actuel ({since}).",
    en: 'The date {date} is before the current status date ({since}).',
  },
  date_in_future: {
    ar: 'التاريخ {date} في المستقبل.',
    fr: 'La date {date} est dans le futur.',
    en: 'The date {date} is in the future.',
  },
  constitute_not_committee: {
    ar: 'لا تؤسس أمانة محلية إلا انطلاقا من لجنة تحضيرية نشطة.',
    fr: "Seul un comité préparatoire actif peut devenir secrétariat local.",
    en: 'Only an active preparatory committee can become a local secretariat.',
  },
  position_not_allowed: {
    ar: 'المنصب «{position}» غير موجود في {kind}.',
    fr: "Le poste « {position} » n'existe pas dans un(e) {kind}.",
    en: 'The position "{position}" does not exist in a {kind}.',
  },
  body_dissolved: {
    ar: 'الهيئة منحلة؛ لا يمكن إسناد مهام فيها.',
    fr: "L'instance est dissoute ; on ne peut plus y attribuer de mandat.",
    en: 'The body is dissolved; no mandate can be given in it.',
  },
  mandate_already_held: {
    ar: 'هذا الشخص يشغل هذا المنصب في هذه الهيئة.',
    fr: 'Cette personne occupe déjà ce poste dans cette instance.',
    en: 'This person already holds this position in this body.',
  },
  mandate_already_ended: {
    ar: 'انتهت هذه المهمة من قبل.',
    fr: 'Ce mandat est déjà terminé.',
    en: 'This mandate has already ended.',
  },
  end_before_start: {
    ar: 'تاريخ النهاية سابق لتاريخ البداية.',
    fr: 'La date de fin précède la date de début.',
    en: 'The end date is before the start date.',
  },
  commune_required: {
    ar: 'الرمز {code} ليس جماعة.',
    fr: "Le code {code} n'est pas une commune.",
    en: 'The code {code} is not a commune.',
  },
  user_not_found: { ar: 'المستخدم غير موجود.', fr: 'Utilisateur introuvable.', en: 'User not found.' },
  grant_not_found: { ar: 'الصلاحية غير موجودة.', fr: 'Droit introuvable.', en: 'Grant not found.' },
  link_invalid: {
    ar: 'هذا الرابط غير صالح أو انتهت مدته أو استعمل من قبل.',
    fr: 'Ce lien est invalide, expiré ou a déjà servi.',
    en: 'This link is invalid, expired or already used.',
  },
  cannot_deactivate_self: {
    ar: 'لا يمكنك تعطيل حسابك بنفسك.',
    fr: 'Vous ne pouvez pas désactiver votre propre compte.',
    en: 'You cannot deactivate your own account.',
  },
  commune_required_for_scope: {
    ar: 'حدد جماعة الإقامة: بدونها لا يظهر الشخص إلا للإدارة الوطنية.',
    fr: "Indiquez la commune de résidence : sans elle, la personne n'est visible que de l'administration nationale.",
    en: 'Give the commune of residence: without it the person is visible to national administrators only.',
  },
  cin_taken: {
    ar: 'رقم البطاقة الوطنية هذا مسجل لشخص آخر.',
    fr: 'Ce numéro de CIN est déjà enregistré pour une autre personne.',
    en: 'This national identity card number is already registered for another person.',
  },
  name_required: {
    ar: 'يلزم الاسم الشخصي والعائلي بالعربية أو بالحروف اللاتينية.',
    fr: 'Le prénom et le nom sont nécessaires, en arabe ou en caractères latins.',
    en: 'Given and family names are needed in Arabic or in Latin script.',
  },
  internal: {
    ar: 'حدث خطأ داخلي. أعد المحاولة لاحقا.',
    fr: 'Une erreur interne est survenue. Réessayez plus tard.',
    en: 'An internal error occurred. Please try again later.',
  },
  import_not_found: { ar: 'عملية الاستيراد غير موجودة.', fr: 'Import introuvable.', en: 'Import not found.' },
  import_file_type: {
    ar: 'أرسل ملفا من نوع CSV أو XLSX (نوع المحتوى text/csv أو ملف Excel).',
    fr: 'Envoyez un fichier CSV ou XLSX (type text/csv ou classeur Excel).',
    en: 'Send a CSV or XLSX file (content type text/csv or an Excel workbook).',
  },
  import_file_empty: { ar: 'الملف فارغ أو بلا سطر عناوين.', fr: 'Le fichier est vide ou n’a pas de ligne d’en-têtes.', en: 'The file is empty or has no header line.' },
  import_file_unreadable: { ar: 'تعذرت قراءة الملف.', fr: 'Le fichier est illisible.', en: 'The file cannot be read.' },
  import_file_missing: {
    ar: 'لم يعد الملف المستورد موجودا على الخادم؛ أعد رفعه.',
    fr: 'Le fichier importé n’est plus sur le serveur ; envoyez-le à nouveau.',
    en: 'The imported file is no longer on the server; upload it again.',
  },
  import_busy: {
    ar: 'عملية الاستيراد هذه جارية أو انتهت؛ لا يمكن القيام بهذا الآن.',
    fr: 'Cet import est en cours ou terminé ; impossible de faire cela maintenant.',
    en: 'This import is running or finished; this cannot be done now.',
  },
  import_columns_mismatch: {
    ar: 'يجب أن يحدد الربط حقلا (أو لا شيء) لكل عمود من أعمدة الملف الـ{count}.',
    fr: 'La correspondance doit donner un champ (ou aucun) pour chacune des {count} colonnes du fichier.',
    en: 'The mapping must give a field (or none) for each of the file’s {count} columns.',
  },
  import_mapping_not_found: { ar: 'لا يوجد ربط أعمدة بالاسم {name}.', fr: 'Aucune correspondance de colonnes ne s’appelle {name}.', en: 'No column mapping is named {name}.' },
  import_invalid_rows: {
    ar: '{count} سطر(ا) غير صالح: لم يستورد أي شيء (الكل أو لا شيء).',
    fr: '{count} ligne(s) invalide(s) : rien n’a été importé (tout ou rien).',
    en: '{count} invalid line(s): nothing was imported (all or nothing).',
  },
  meeting_not_found: { ar: 'الاجتماع غير موجود.', fr: 'Réunion introuvable.', en: 'Meeting not found.' },
  action_not_found: { ar: 'الإجراء غير موجود.', fr: 'Action introuvable.', en: 'Action not found.' },
  decision_not_found: { ar: 'القرار غير موجود.', fr: 'Décision introuvable.', en: 'Decision not found.' },
  meeting_ends_before_start: {
    ar: 'يجب أن ينتهي الاجتماع بعد بدايته.',
    fr: 'La réunion doit finir après son début.',
    en: 'The meeting must end after it starts.',
  },
  meeting_place_required: {
    ar: 'الاجتماع الحضوري أو المختلط يحتاج إلى مكان.',
    fr: 'Une réunion en présentiel ou hybride a besoin d’un lieu.',
    en: 'An in-person or hybrid meeting needs a place.',
  },
  convening_body_invalid: {
    ar: 'الهيئة الداعية يجب أن تكون الهيئة المنظمة أو هيئة من مستوى أعلى منها.',
    fr: 'L’instance qui convoque doit être l’instance organisatrice ou une instance d’un niveau au-dessus.',
    en: 'The convening body must be the organizing body or a body of a level above it.',
  },
  meeting_body_dissolved: {
    ar: 'الهيئة منحلة؛ لا يمكن أن تنظم اجتماعا.',
    fr: 'L’instance est dissoute ; elle ne peut pas organiser de réunion.',
    en: 'The body is dissolved; it cannot organize a meeting.',
  },
  meeting_cancelled: {
    ar: 'هذا الاجتماع ملغى؛ لا يمكن تغييره.',
    fr: 'Cette réunion est annulée ; elle ne peut plus être modifiée.',
    en: 'This meeting is cancelled; it can no longer be changed.',
  },
  agenda_item_unknown: {
    ar: 'نقطة جدول الأعمال هذه لا تخص هذا الاجتماع.',
    fr: 'Ce point de l’ordre du jour n’appartient pas à cette réunion.',
    en: 'This agenda item does not belong to this meeting.',
  },
  minutes_no_draft: {
    ar: 'لا توجد مسودة محضر للمصادقة عليها.',
    fr: 'Il n’y a pas de projet de procès-verbal à approuver.',
    en: 'There are no draft minutes to approve.',
  },
  minutes_approve_chair_only: {
    ar: 'لا يصادق على المحضر إلا رئيس الاجتماع أو مدير المنصة.',
    fr: 'Seul le président de la réunion ou un administrateur approuve le procès-verbal.',
    en: 'Only the chair of the meeting or an administrator may approve the minutes.',
  },
  action_owner_required: {
    ar: 'يجب تحديد المسؤول عن الإجراء: شخص أو هيئة.',
    fr: 'Une action a besoin d’un responsable : une personne ou une instance.',
    en: 'An action needs an owner: a person or a body.',
  },
  rsvp_link_invalid: {
    ar: 'رابط الرد على الدعوة غير صالح. استعمل الرابط كما ورد في رسالة الدعوة.',
    fr: 'Le lien de réponse à l’invitation n’est pas valide. Utilisez le lien tel qu’il figure dans l’e-mail d’invitation.',
    en: 'The invitation answer link is not valid. Use the link exactly as it appears in the invitation e-mail.',
  },
  rsvp_meeting_cancelled: {
    ar: 'أُلغي هذا الاجتماع، فلم يعد الرد على الدعوة ممكنا.',
    fr: 'Cette réunion a été annulée : il n’est plus possible de répondre.',
    en: 'This meeting was cancelled: answers are no longer taken.',
  },
  rsvp_meeting_over: {
    ar: 'انتهى هذا الاجتماع، فلم يعد الرد على الدعوة ممكنا.',
    fr: 'Cette réunion est terminée : il n’est plus possible de répondre.',
    en: 'This meeting is over: answers are no longer taken.',
  },
  rsvp_not_invited: {
    ar: 'لم تعد مدعوا(ة) إلى هذا الاجتماع.',
    fr: 'Vous n’êtes plus invité(e) à cette réunion.',
    en: 'You are no longer invited to this meeting.',
  },
  calendar_feed_not_found: {
    ar: 'عنوان اليومية هذا غير صالح أو استُبدل بعنوان جديد.',
    fr: 'Cette adresse d’agenda n’est pas valide ou a été remplacée par une nouvelle.',
    en: 'This calendar address is not valid or was replaced by a new one.',
  },
  communique_not_found: { ar: 'البلاغ غير موجود.', fr: 'Communiqué introuvable.', en: 'Communiqué not found.' },
  communique_not_draft: {
    ar: 'هذا البلاغ منشور؛ لا تعدل إلا مسودات البلاغات.',
    fr: 'Ce communiqué est publié ; seul un brouillon se modifie.',
    en: 'This communiqué is published; only a draft can be edited.',
  },
} satisfies Catalog;

export type MessageCode = keyof typeof messages;

/** A value named in a message that itself depends on the language, such as a body kind or a territory name. */
export type LocalizedText = Record<Locale, string>;
export type MessageParams = Record<string, string | number | LocalizedText>;

export function renderMessage(code: MessageCode, locale: Locale, params: MessageParams = {}): string {
  const template = messages[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}
