/**
 * The app's languages (issue 11): `t(key, values)` for every interface string, the current locale,
 * and Intl formatters. Messages live in messages/{en,ru,zh}.json (README, "Languages").
 */
export { docKind, t, tOr, topicLabel, type MessageValues } from './t';
export { catalog, checkMessages, placeholders, type MessageKey, type MessageProblem } from './catalog';
export { axisTickFormat, fmtDate, fmtNumber, dateFormat, numberFormat, DAY_SHORT, DAY_LONG, MONTH_LONG } from './format';
export {
  LOCALES,
  LOCALE_NAMES,
  browserLocale,
  getLocale,
  intlTag,
  localeFromLanguages,
  parseLocale,
  setLocale,
  withLang,
  type Locale,
} from './locale.svelte';
export { countryName, countryOverride, eventTitle, linkReason, placeName, type Named, type Titled } from './names';
