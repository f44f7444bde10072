import type { Recognizer } from "../kinds";
import { peopleAndPlaces } from "../people-places";
import { addresses, postcodes, townsBeforeState } from "./addresses";
import { ages } from "./ages";
import { dates } from "./dates";
import { emails } from "./emails";
import { fediverseHandles, handles } from "./handles";
import { introducedNames } from "./introduced-names";
import { namedIds, numberIds, otherIds } from "./ids";
import { ips } from "./ips";
import { organizations } from "./organizations";
import { phones } from "./phones";
import { bareDomains, urlsWithScheme } from "./urls";

/**
 * The recognizers in the order they claim text; what one claims is masked for the rest. URLs with a scheme first
 * (a profile URL holds "@name"), fediverse handles before e-mails ("@me@host.social"), e-mails before bare
 * domains, domains before "@name" ("medium.com/@me/post"), dates before ages (a birth date of someone 90+), SSNs, cards, ZIPs and record numbers before phones
 * (which would also match them), names and places last: they read words, and every number is gone by then.
 */
export const RECOGNIZERS: Recognizer[] = [
  urlsWithScheme,
  fediverseHandles,
  emails,
  bareDomains,
  handles,
  ips,
  dates,
  ages,
  numberIds,
  postcodes,
  namedIds,
  phones,
  otherIds,
  addresses,
  townsBeforeState,
  introducedNames,
  organizations,
  peopleAndPlaces,
];
