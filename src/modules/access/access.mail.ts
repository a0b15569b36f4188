import type { Locale } from '../../server/locale';

/** The e-mails Tanzim sends about accounts, in the three languages. */
export const accountMails = {
  invitation: (locale: Locale, p: { name: string; link: string; days: number }) =>
    ({
      ar: {
        subject: 'دعوة إلى منصة تنظيم',
        text: `مرحبا ${p.name}،\n\nتمت دعوتك إلى منصة تنظيم. لإنشاء حسابك واختيار كلمة المرور، افتح هذا الرابط (صالح لمدة ${p.days} أيام ولمرة واحدة):\n\n${p.link}\n\nإذا لم تكن تنتظر هذه الدعوة، تجاهل هذه الرسالة.`,
      },
      fr: {
        subject: 'Invitation à Tanzim',
        text: `Bonjour ${p.name},\n\nVous êtes invité(e) sur Tanzim. Pour créer votre compte et choisir votre mot de passe, ouvrez ce lien (valable ${p.days} jours, une seule fois) :\n\n${p.link}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.`,
      },
      en: {
        subject: 'Invitation to Tanzim',
        text: `Hello ${p.name},\n\nYou are invited to Tanzim. To create your account and choose your password, open this link (valid for ${p.days} days, once):\n\n${p.link}\n\nIf you did not expect this invitation, ignore this message.`,
      },
    })[locale],
  passwordReset: (locale: Locale, p: { name: string; link: string; minutes: number }) =>
    ({
      ar: {
        subject: 'إعادة تعيين كلمة المرور في تنظيم',
        text: `مرحبا ${p.name}،\n\nطلبت إعادة تعيين كلمة المرور. افتح هذا الرابط خلال ${p.minutes} دقيقة لاختيار كلمة مرور جديدة:\n\n${p.link}\n\nإذا لم تطلب ذلك، تجاهل هذه الرسالة؛ كلمة مرورك لم تتغير.`,
      },
      fr: {
        subject: 'Réinitialisation du mot de passe Tanzim',
        text: `Bonjour ${p.name},\n\nVous avez demandé à réinitialiser votre mot de passe. Ouvrez ce lien dans les ${p.minutes} minutes pour en choisir un nouveau :\n\n${p.link}\n\nSi vous n'avez rien demandé, ignorez ce message ; votre mot de passe n'a pas changé.`,
      },
      en: {
        subject: 'Reset your Tanzim password',
        text: `Hello ${p.name},\n\nYou asked to reset your password. Open this link within ${p.minutes} minutes to choose a new one:\n\n${p.link}\n\nIf you did not ask, ignore this message; your password has not changed.`,
      },
    })[locale],
};
