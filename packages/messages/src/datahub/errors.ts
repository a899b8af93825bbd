/**
 * The reference's own Datahub error ids (interpretation key DH-ERROR-IDS). Datahub publishes the
 * shape `EC.<area>.<nnn>` but no authorization-specific ids, so these are defined here once and
 * cited by the validator, the ACK builder and the DH-831 machines.
 */

/** `business`: negative ACK. `technical`: the document could not be read as a Datahub document. */
export type DatahubErrorLevel = 'business' | 'technical';

export interface DatahubErrorDefinition {
  readonly id: string;
  readonly level: DatahubErrorLevel;
  readonly en: string;
  readonly fi: string;
  /** Interpretation key the rule comes from (docs/interpretations/dh-831.md). */
  readonly interpretation: string;
}

const define = <const T extends Record<string, Omit<DatahubErrorDefinition, 'id'>>>(table: T) =>
  Object.fromEntries(Object.entries(table).map(([id, entry]) => [id, { id, ...entry }])) as {
    readonly [K in keyof T]: DatahubErrorDefinition & { readonly id: K };
  };

/**
 * Every error id the reference emits, with English and Finnish text.
 *
 * @example DATAHUB_ERRORS['EC.AUTH.001'].fi // 'Valtuutuksen alkuaika on menneisyydessä.'
 */
export const DATAHUB_ERRORS = define({
  'EC.AUTH.001': {
    level: 'business',
    en: 'The authorization start time is in the past.',
    fi: 'Valtuutuksen alkuaika on menneisyydessä.',
    interpretation: 'DH-START-WINDOW',
  },
  'EC.AUTH.002': {
    level: 'business',
    en: 'The authorization start time is more than 90 days in the future.',
    fi: 'Valtuutuksen alkuaika on yli 90 vuorokautta tulevaisuudessa.',
    interpretation: 'DH-START-WINDOW',
  },
  'EC.AUTH.003': {
    level: 'business',
    en: 'The authorization end time is not after its start time.',
    fi: 'Valtuutuksen loppuaika ei ole alkuajan jälkeen.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.AUTH.010': {
    level: 'business',
    en: 'The customer id is neither a valid personal identity code nor a valid business id.',
    fi: 'Asiakkaan tunniste ei ole kelvollinen henkilötunnus eikä Y-tunnus.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.AUTH.011': {
    level: 'business',
    en: 'An accounting point id is not an 18-digit GSRN with a correct check digit.',
    fi: 'Käyttöpaikkatunnus ei ole 18-numeroinen GSRN-tunnus oikealla tarkistusnumerolla.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.AUTH.012': {
    level: 'business',
    en: 'The description is longer than 150 characters.',
    fi: 'Kuvaus on yli 150 merkkiä pitkä.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.AUTH.013': {
    level: 'business',
    en: 'The recipient is incomplete: name and e-mail address are both required.',
    fi: 'Vastaanottajan tiedot ovat puutteelliset: sekä nimi että sähköpostiosoite vaaditaan.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.AUTH.014': {
    level: 'business',
    en: 'The reminder time is in the past, after the request end date, or given without a complete recipient.',
    fi: 'Muistutusaika on menneisyydessä, pyynnön päättymispäivän jälkeen tai annettu ilman vastaanottajan tietoja.',
    interpretation: 'DH-REMINDER',
  },
  'EC.AUTH.015': {
    level: 'business',
    en: 'The authorization reason is not one of the known reasons.',
    fi: 'Valtuutuksen syy ei ole tunnettu.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.AUTH.016': {
    level: 'business',
    en: 'The request end date is in the past.',
    fi: 'Pyynnön voimassaolon päättymispäivä on menneisyydessä.',
    interpretation: 'DH-END-DATE',
  },
  'EC.AUTH.020': {
    level: 'business',
    en: 'A required field is missing.',
    fi: 'Pakollinen tieto puuttuu.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.AUTH.030': {
    level: 'business',
    en: 'The authorization request is not open.',
    fi: 'Valtuutuspyyntö ei ole avoin.',
    interpretation: 'DH-CANCEL',
  },
  'EC.AUTH.031': {
    level: 'business',
    en: 'No authorization request with this id exists.',
    fi: 'Valtuutuspyyntöä tällä tunnisteella ei ole.',
    interpretation: 'DH-CANCEL',
  },
  'EC.AUTH.032': {
    level: 'business',
    en: 'Only the party that sent the authorization request can cancel it.',
    fi: 'Vain valtuutuspyynnön lähettänyt osapuoli voi peruuttaa sen.',
    interpretation: 'DH-CANCEL',
  },
  'EC.AUTH.040': {
    level: 'business',
    en: 'An authorization request with this id already exists.',
    fi: 'Tällä tunnisteella on jo valtuutuspyyntö.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.MSG.001': {
    level: 'technical',
    en: 'The message is not a readable XML document.',
    fi: 'Sanoma ei ole luettava XML-dokumentti.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.MSG.002': {
    level: 'technical',
    en: 'The message is not a known Datahub document (root element, namespace or type).',
    fi: 'Sanoma ei ole tunnettu datahub-dokumentti (juurielementti, nimiavaruus tai tyyppi).',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.MSG.003': {
    level: 'technical',
    en: 'A field value has the wrong format.',
    fi: 'Kentän arvo on väärää muotoa.',
    interpretation: 'DH-ERROR-IDS',
  },
  'EC.MSG.004': {
    level: 'technical',
    en: 'An element is unexpected, out of order, repeated or in the wrong namespace.',
    fi: 'Elementti on odottamaton, väärässä järjestyksessä, toistettu tai väärässä nimiavaruudessa.',
    interpretation: 'DH-ERROR-IDS',
  },
});

/** One of the ids in {@link DATAHUB_ERRORS}. */
export type DatahubErrorId = keyof typeof DATAHUB_ERRORS;

/**
 * True for issues that make a document unreadable as a Datahub document (`EC.MSG.*`): the engine
 * delivers those as `receive.invalid`; business issues go to the machine, which answers them.
 *
 * @example isTechnicalIssue({ path: '/', rule: 'EC.MSG.001', message: '' }) // true
 */
export function isTechnicalIssue(issue: { readonly rule: string }): boolean {
  const entry = (DATAHUB_ERRORS as Readonly<Record<string, DatahubErrorDefinition>>)[issue.rule];
  return entry === undefined || entry.level === 'technical';
}

/**
 * The ACK error entry for an id, texts from the table.
 *
 * @example ackError('EC.AUTH.030').text // 'The authorization request is not open.'
 */
export function ackError(errorId: DatahubErrorId): {
  errorId: DatahubErrorId;
  text: string;
  textFi: string;
} {
  const entry = DATAHUB_ERRORS[errorId];
  return { errorId, text: entry.en, textFi: entry.fi };
}
