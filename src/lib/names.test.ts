import { describe, it, expect } from 'vitest';
import {
  MATCH_SCORE,
  areCloseLetters,
  editDistance,
  foldForLookup,
  letterDeletions,
  spellingDistance,
  transliterateArabic,
  latinSkeleton,
  nameKeys,
  nameMatchScore,
  normalizeArabic,
  normalizeLatin,
  queryWords,
  searchKeys,
} from './names';

const score = (query: string, name: string) => nameMatchScore(nameKeys(query), nameKeys(name));

describe('normalizeArabic', () => {
  it('ignores spaces inside a name (HCP writes بئر طم طم)', () => {
    expect(normalizeArabic('بئر طمطم')).toBe(normalizeArabic('بئر طم طم'));
  });

  it('unifies hamza carriers: إ and ا, ئ and ي', () => {
    expect(normalizeArabic('إيموزار كندر')).toBe(normalizeArabic('ايموزار كندر'));
    expect(normalizeArabic('أكادير')).toBe('اكادير');
    expect(normalizeArabic('آسفي')).toBe('اسفي');
    expect(normalizeArabic('بئر')).toBe('بير');
    expect(normalizeArabic('مؤسسة')).toBe('موسسه');
    expect(normalizeArabic('سماء')).toBe('سما');
  });

  it('removes tashkeel, superscript alef and tatweel', () => {
    expect(normalizeArabic('إِيمُوزَّار كَنْدَر')).toBe(normalizeArabic('ايموزار كندر'));
    expect(normalizeArabic('إيموزار كـــندر')).toBe(normalizeArabic('ايموزار كندر'));
    expect(normalizeArabic('هٰذا')).toBe('هذا');
  });

  it('writes ة as ه and ى as ي', () => {
    expect(normalizeArabic('مدرسة')).toBe(normalizeArabic('مدرسه'));
    expect(normalizeArabic('مصطفى')).toBe('مصطفي');
  });

  it('folds Persian and Moroccan letter forms', () => {
    expect(normalizeArabic('تامڭروت')).toBe(normalizeArabic('تامكروت'));
    expect(normalizeArabic('گلميم')).toBe(normalizeArabic('كلميم'));
    expect(normalizeArabic('ڤاس')).toBe('فاس');
    expect(normalizeArabic('علی')).toBe('علي');
  });

  it('keeps the article, so البهاليل stays distinct from بهاليل but contains it', () => {
    expect(normalizeArabic('البهاليل')).toBe('البهاليل');
    expect(normalizeArabic('البهاليل')).toContain(normalizeArabic('بهاليل'));
  });

  it('drops hyphens, en dashes, apostrophes and dots', () => {
    expect(normalizeArabic('مشور– القصبة')).toBe(normalizeArabic('مشور-القصبة'));
    expect(normalizeArabic('طنجة-أصيلة')).toBe('طنجهاصيله');
    expect(normalizeArabic("م.ح'د")).toBe('محد');
  });
});

describe('normalizeLatin', () => {
  it('ignores accents, case and separators', () => {
    expect(normalizeLatin('Fès')).toBe(normalizeLatin('fes'));
    expect(normalizeLatin('Tétouan')).toBe(normalizeLatin('TETOUAN'));
    expect(normalizeLatin("M'diq-Fnideq")).toBe(normalizeLatin('mdiq fnideq'));
  });

  it('collapses doubled letters', () => {
    expect(normalizeLatin('Immouzzer-Kandar')).toBe(normalizeLatin('imouzzer kandar'));
    expect(normalizeLatin('Taroudannt')).toBe(normalizeLatin('Taroudant'));
  });

  it('drops articles written as separate words, and only those', () => {
    expect(normalizeLatin('El Kelâa Des-Sraghna')).toBe(normalizeLatin('kelaa des sraghna'));
    expect(normalizeLatin('El Kelâa Des-Sraghna')).toBe(normalizeLatin('Kelaa Sraghna'));
    expect(normalizeLatin('Imouzzer du Kandar')).toBe(normalizeLatin('Immouzzer-Kandar'));
    expect(normalizeLatin('El Bhalil')).toBe(normalizeLatin('Bhalil'));
    expect(normalizeLatin('Es-Semara')).toBe(normalizeLatin('Semara'));
    // Inside a word an article-like sequence is part of the name.
    expect(normalizeLatin('Elhajeb')).not.toBe(normalizeLatin('Hajeb'));
    expect(normalizeLatin('Desert')).toBe('desert');
  });

  it('keeps a name made only of articles', () => {
    expect(normalizeLatin('El')).toBe('el');
  });

  it('folds transliteration variants: ou/w, sh/ch, q/k', () => {
    expect(normalizeLatin('Tetuan')).toBe(normalizeLatin('Tétouan'));
    expect(normalizeLatin('Marrakesh')).toBe(normalizeLatin('Marrakech'));
    expect(normalizeLatin('Qalaat')).toBe(normalizeLatin('Kalaat'));
    expect(normalizeLatin('Warzazate')).toBe(normalizeLatin('Ouarzazate'));
  });

  it('expands the HCP abbreviation My to Moulay', () => {
    expect(normalizeLatin('My Idriss Zerhoun')).toBe(normalizeLatin('Moulay Idriss Zerhoun'));
  });
});

describe('latinSkeleton', () => {
  it('lets vowel variants meet', () => {
    expect(latinSkeleton('Mohammadia')).toBe(latinSkeleton('Mohammedia'));
    expect(latinSkeleton('Bhalil')).toBe(latinSkeleton('Bahlil'));
    expect(latinSkeleton('Mohamed')).toBe(latinSkeleton('Muhammad'));
    expect(latinSkeleton('Wad Zem')).toBe(latinSkeleton('Oued Zem'));
  });

  it('keeps a leading vowel', () => {
    expect(latinSkeleton('Oujda')).toBe('ujd');
    expect(latinSkeleton('Agadir')).toBe('agdr');
  });

  it('keeps different names apart', () => {
    expect(latinSkeleton('Sefrou')).not.toBe(latinSkeleton('Safi'));
  });
});

describe('searchKeys', () => {
  it('gives the Arabic key for Arabic names', () => {
    expect(searchKeys('بئر طم طم')).toEqual(['بيرطمطم']);
  });

  it('gives the normalized Latin key and the skeleton for Latin names', () => {
    expect(searchKeys('Mohammadia')).toEqual(['mohamadia', 'mhmd']);
  });

  it('gives each key once', () => {
    expect(searchKeys('Fès')).toEqual(['fes', 'fs']);
    expect(searchKeys('Ksar')).toEqual(['ksar', 'ksr']);
    expect(searchKeys('')).toEqual([]);
  });
});

describe('queryWords', () => {
  it('splits on spaces and hyphens and leaves out lone articles', () => {
    expect(queryWords('kelaa des sraghna').map((w) => w.key)).toEqual(['kela', 'sraghna']);
    expect(queryWords('عين  الشقف').map((w) => w.key)).toEqual(['عين', 'الشقف']);
    expect(queryWords('ال بهاليل').map((w) => w.key)).toEqual(['بهاليل']);
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('sefrou', 'sefruo')).toBe(1);
    expect(editDistance('kenitra', 'knetira')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early beyond the maximum', () => {
    expect(editDistance('casablanca', 'marrakech', 2)).toBe(3);
  });
});

describe('nameMatchScore', () => {
  it('ranks exact > prefix > substring > skeleton > typo', () => {
    expect(score('Sefrou', 'Sefrou')).toBe(MATCH_SCORE.exact);
    expect(score('sef', 'Sefrou')).toBe(MATCH_SCORE.prefix);
    expect(score('kandar', 'Immouzzer-Kandar')).toBe(MATCH_SCORE.substring);
    expect(score('Mohammedia', 'Mohammadia')).toBe(MATCH_SCORE.skeleton);
    expect(score('Sefrpu', 'Sefrou')).toBe(MATCH_SCORE.oneEdit);
    expect(score('Casablamca', 'Casablanca')).toBe(MATCH_SCORE.oneEdit);
    expect(score('Casablamka', 'Casablanca')).toBe(MATCH_SCORE.twoEdits);
    expect(MATCH_SCORE.exact).toBeGreaterThan(MATCH_SCORE.prefix);
    expect(MATCH_SCORE.prefix).toBeGreaterThan(MATCH_SCORE.substring);
    expect(MATCH_SCORE.substring).toBeGreaterThan(MATCH_SCORE.skeleton);
    expect(MATCH_SCORE.skeleton).toBeGreaterThan(MATCH_SCORE.oneEdit);
    expect(MATCH_SCORE.oneEdit).toBeGreaterThan(MATCH_SCORE.twoEdits);
  });

  it('matches the everyday spellings of official names', () => {
    expect(score('بئر طمطم', 'بئر طم طم')).toBe(MATCH_SCORE.exact);
    expect(score('ايموزار كندر', 'إيموزار كندر')).toBe(MATCH_SCORE.exact);
    expect(score('إِيمُوزَار كَنْـدَر', 'إيموزار كندر')).toBe(MATCH_SCORE.exact);
    expect(score('البهاليل', 'البهاليل')).toBe(MATCH_SCORE.exact);
    expect(score('بهاليل', 'البهاليل')).toBe(MATCH_SCORE.substring);
    expect(score('مدرسه', 'مدرسة')).toBe(MATCH_SCORE.exact);
    expect(score('imouzzer kandar', 'Immouzzer-Kandar')).toBe(MATCH_SCORE.exact);
    expect(score('kelaa des sraghna', 'El Kelâa Des-Sraghna')).toBe(MATCH_SCORE.exact);
    expect(score('Taroudant', 'Taroudannt')).toBe(MATCH_SCORE.exact);
    expect(score('fes', 'Fès')).toBe(MATCH_SCORE.exact);
    expect(score('bir tam', 'Bir Tam-Tam')).toBe(MATCH_SCORE.prefix);
  });

  it('does not match unrelated or too short names', () => {
    expect(score('Safi', 'Sefrou')).toBe(0);
    expect(score('Fes', 'Fnideq')).toBe(0);
    // Two letters may start a name but not match inside one.
    expect(score('ef', 'Sefrou')).toBe(0);
    // One typo in a 4-letter name is another name (Tata / Taza).
    expect(score('Tata', 'Taza')).toBe(0);
    expect(score('', 'Sefrou')).toBe(0);
  });

  it('never matches across scripts', () => {
    expect(score('صفرو', 'Sefrou')).toBe(0);
    expect(score('Sefrou', 'صفرو')).toBe(0);
  });
});

describe('letterDeletions', () => {
  it('gives the strings one letter shorter, or two with max 2, never the word itself', () => {
    expect(letterDeletions('abc').sort()).toEqual(['ab', 'ac', 'bc']);
    expect(letterDeletions('abc', 2).sort()).toEqual(['a', 'ab', 'ac', 'b', 'bc', 'c']);
    expect(letterDeletions('aab').sort()).toEqual(['aa', 'ab']);
  });

  it('lets two words one edit apart meet: a typo, a missing or added letter, two letters swapped', () => {
    const meet = (a: string, b: string) => {
      const da = new Set([a, ...letterDeletions(a)]);
      return [b, ...letterDeletions(b)].some((v) => da.has(v));
    };
    expect(meet('matel', 'matl')).toBe(true);
    expect(meet('harisi', 'harizi')).toBe(true);
    expect(meet('benhasnan', 'benhansan')).toBe(true);
    expect(meet('بنمكبار', 'بنكبار')).toBe(true);
    expect(meet('matel', 'mutal')).toBe(false);
  });
});

describe('spellingDistance', () => {
  it('counts a close letter as half an edit, i/y and o/u as a quarter', () => {
    expect(spellingDistance('hamed', 'hamid')).toBe(0.5);
    expect(spellingDistance('kamaly', 'kamali')).toBe(0.25);
    expect(spellingDistance('صديق', 'سديق')).toBe(0.5);
    expect(spellingDistance('كمران', 'قمران')).toBe(0.5);
    expect(spellingDistance('harisi', 'harizi')).toBe(1);
    expect(areCloseLetters('e', 'a')).toBe(true);
    expect(areCloseLetters('s', 'z')).toBe(false);
  });

  it('counts a vowel left out inside a name as half an edit, at its end as a whole one', () => {
    expect(spellingDistance('matl', 'matel')).toBe(0.5);
    expect(spellingDistance('اوحمل', 'اوحمال')).toBe(0.5);
    expect(spellingDistance('kamal', 'kamali')).toBe(1);
    expect(spellingDistance('كمال', 'كمالي')).toBe(1);
  });

  it('counts a swap as one edit and gives up beyond the maximum', () => {
    expect(spellingDistance('benhansan', 'benhasnan')).toBe(1);
    expect(spellingDistance('casablanca', 'marrakech', 2)).toBeGreaterThan(2);
  });

  it('takes other costs for vowels found in one of the two only', () => {
    expect(spellingDistance('hamil', 'hmil', 2, { aVowelCost: 0.25 })).toBe(0.25);
    expect(spellingDistance('hmil', 'hamil', 2, { bVowelCost: 0.25 })).toBe(0.25);
  });
});

describe('foldForLookup', () => {
  it('writes close letters alike, so that spellings differing by them are one string', () => {
    expect(foldForLookup('hylel')).toBe(foldForLookup('hilal'));
    expect(foldForLookup('benkhebyr')).toBe(foldForLookup('benkhabir'));
    expect(foldForLookup('المطروقي')).toBe(foldForLookup('المتروكي'));
    expect(foldForLookup('~bnmd')).toBe('~bnmd');
  });
});

describe('transliterateArabic', () => {
  it('writes an Arabic name in Latin letters without its short vowels', () => {
    expect(transliterateArabic('حميل')).toBe('hmil');
    expect(transliterateArabic('يوسف')).toBe('yusf');
    expect(transliterateArabic('آيت')).toBe('ait');
    expect(transliterateArabic('فاطمة')).toBe('fatma');
    expect(transliterateArabic('بنشقرون')).toBe('bnchkrun');
  });

  it('writes the article el, assimilated before a sun letter', () => {
    expect(transliterateArabic('عبد اللطيف')).toBe('bdeltif');
    expect(transliterateArabic('عبد الرحيم')).toBe('bderhim');
    expect(transliterateArabic('الحريسي')).toBe('elhrisi');
  });
});
