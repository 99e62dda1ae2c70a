/**
 * The message catalogue of the core: every key a Problem, Finding or ActionError can
 * carry, in German (first) and English. Placeholders `{name}` are filled from `params`.
 * The platform merges these into its i18n catalogue.
 */
export const messages = {
  de: {
    "definition.invalidJson": "Die Definition ist kein gültiges JSON: {message}",
    "definition.schema": "Ungültiger Wert: {message}",
    "definition.unknownType": "Unbekannter Feldtyp oder Effekttyp.",
    "definition.unknownProperty": "Unbekannte Eigenschaft: {names}",
    "definition.duplicateId": "Die Kennung „{id}“ ist mehrfach vergeben.",
    "definition.unknownStatus": "Der Status „{id}“ ist nicht definiert.",
    "definition.unknownCodeList": "Die Codeliste „{id}“ ist nicht definiert.",
    "definition.unknownDocument": "Das Dokument „{id}“ ist nicht definiert.",
    "definition.unknownNotification": "Die Nachricht „{id}“ ist nicht definiert.",
    "definition.unknownVariable":
      "„{id}“ ist weder ein Formularfeld noch eine Eingabe oder Variable.",
    "definition.optionsOrCodeList": "Auswahlfelder brauchen entweder Optionen oder eine Codeliste.",
    "definition.textOrTextBlock":
      "Ein Dokumentblock braucht entweder Text oder einen Textbaustein.",
    "definition.amountOrTable":
      "Eine Gebühr braucht entweder einen Betrag oder eine Entscheidungstabelle.",
    "definition.ruleArity": "Die Regel hat {actual} Bedingungen, die Tabelle {expected} Eingaben.",
    "definition.minAboveMax": "Das Minimum ist größer als das Maximum.",
    "definition.badPattern": "Das Muster ist kein gültiger regulärer Ausdruck.",
    "definition.prefillType": "„{source}“ passt nicht zum Feldtyp „{type}“.",
    "definition.computedRequired": "Ein berechnetes Feld kann nicht Pflichtfeld sein.",
    "definition.noFees": "Die Aktion setzt Gebühren fest, die Definition hat aber keine Gebühren.",
    "definition.unknownFeeItem": "Die Gebühr „{id}“ ist nicht definiert.",
    "definition.notAGroup": "„{id}“ ist keine wiederholbare Gruppe des Formulars.",
    "definition.forEachNeedsText":
      "Ein wiederholter Block braucht eigenen Text (keinen Textbaustein).",
    "definition.automaticWithTimer": "Eine Aktion ist entweder automatisch oder zeitgesteuert.",
    "definition.automaticSecondApproval":
      "Automatische und zeitgesteuerte Aktionen können kein Vier-Augen-Prinzip haben.",
    "rules.syntax": "Der FEEL-Ausdruck ist fehlerhaft (Position {position}).",
    "rules.unknownName": "Der Ausdruck verwendet „{name}“, das es hier nicht gibt.",
    "rules.unknownProperty": "„{name}“ hat keine Eigenschaft „{property}“.",
    "rules.clockFunction": "„{name}“ liest die Uhr; verwenden Sie stattdessen die Variable today.",
    "validation.notAnObject": "Die Angaben haben nicht das erwartete Format.",
    "validation.unknownField": "Dieses Feld gibt es im Formular nicht.",
    "validation.required": "Bitte füllen Sie dieses Feld aus.",
    "validation.mustAccept": "Bitte bestätigen Sie dies.",
    "validation.type": "Der Wert hat nicht das erwartete Format ({expected}).",
    "validation.tooShort": "Bitte geben Sie mindestens {min} Zeichen ein.",
    "validation.tooLong": "Bitte geben Sie höchstens {max} Zeichen ein.",
    "validation.invalidCharacters":
      "Die Eingabe enthält Steuer- oder ungültige Zeichen. Bitte geben Sie sie ohne diese ein.",
    "validation.pattern": "Der Wert hat nicht das verlangte Format.",
    "validation.tooSmall": "Der Wert muss mindestens {min} betragen.",
    "validation.tooLarge": "Der Wert darf höchstens {max} betragen.",
    "validation.notInteger": "Bitte geben Sie eine ganze Zahl ein.",
    "validation.moneyCents": "Bitte geben Sie einen Betrag in Cent als ganze Zahl an.",
    "validation.invalidDate": "Bitte geben Sie ein gültiges Datum ein.",
    "validation.dateTooEarly": "Das Datum darf nicht vor dem {min} liegen.",
    "validation.dateTooLate": "Das Datum darf nicht nach dem {max} liegen.",
    "validation.invalidTime": "Bitte geben Sie eine Uhrzeit im Format HH:MM ein.",
    "validation.timeTooEarly": "Die Uhrzeit darf nicht vor {min} Uhr liegen.",
    "validation.timeTooLate": "Die Uhrzeit darf nicht nach {max} Uhr liegen.",
    "validation.invalidOption": "Bitte wählen Sie einen der angebotenen Werte.",
    "validation.duplicateOption": "Jeder Wert darf nur einmal gewählt werden.",
    "validation.tooFewItems": "Bitte geben Sie mindestens {min} Einträge an.",
    "validation.tooManyItems": "Bitte geben Sie höchstens {max} Einträge an.",
    "validation.email": "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    "validation.phone": "Bitte geben Sie eine gültige Telefonnummer ein.",
    "validation.postcode": "Bitte geben Sie eine gültige fünfstellige Postleitzahl ein.",
    "validation.iban": "Die IBAN ist ungültig. Bitte prüfen Sie Ihre Eingabe.",
    "validation.fileType": "Dieser Dateityp ist nicht erlaubt (erlaubt: {accept}).",
    "validation.fileTooLarge": "Die Datei ist zu groß (höchstens {max} Bytes).",
    "validation.tooManyFiles": "Bitte laden Sie höchstens {max} Dateien hoch.",
    "validation.constraint": "{message}",
    "process.unknownAction": "Die Aktion „{id}“ gibt es in diesem Verfahren nicht.",
    "process.notAllowed": "Sie dürfen die Aktion „{id}“ hier nicht ausführen.",
    "process.invalidInput": "Bitte prüfen Sie Ihre Eingaben zur Aktion.",
    "process.guardFailed": "Die Voraussetzungen für „{id}“ sind nicht erfüllt.",
    "process.pendingApproval": "Es wartet noch eine Aktion auf Freigabe.",
    "process.sameApprover": "Die Freigabe muss eine andere Person erteilen (Vier-Augen-Prinzip).",
    "process.nothingPending": "Es wartet keine Aktion auf Freigabe.",
    "process.automaticLoop": "Automatische Aktionen laufen im Kreis (mehr als {steps} Schritte).",
    "process.feeAssessmentFailed": "Die Gebühren konnten nicht berechnet werden.",
    "fees.notIntegerCents": "Die Gebührenformel ergibt keinen ganzen Centbetrag ({value}).",
    "fees.negativeTotal": "Die Gesamtgebühr wäre negativ.",
    "lint.unreachableStatus": "Der Status „{id}“ ist von keinem anderen Status aus erreichbar.",
    "lint.deadEnd":
      "Aus dem Status „{id}“ führt keine Aktion heraus, er ist aber nicht abschließend.",
    "lint.finalWithActions": "Der abschließende Status „{id}“ hat ausgehende Aktionen: {actions}.",
    "lint.noRole": "Die Aktion „{id}“ kann keine Rolle ausführen.",
    "lint.noApprover": "Für die Aktion „{id}“ kann niemand die Freigabe erteilen.",
    "lint.automaticLoop": "Automatische Aktionen können im Kreis laufen: {actions}.",
    "lint.feeGap": "Für Werte {range} greift keine Zeile der Gebührentabelle.",
    "lint.feeOverlap":
      "Für Werte {range} greifen mehrere Zeilen ({rows}); die Beträge addieren sich.",
    "lint.feeRuleShadowed":
      "Zeile {row} der Gebührentabelle greift nie, weil frühere Zeilen sie abdecken.",
    "lint.badPlaceholder": "Der Platzhalter {placeholder} ist fehlerhaft.",
    "lint.unknownPlaceholder": "Der Platzhalter „{placeholder}“ nennt ein unbekanntes Feld.",
    "lint.unknownTextBlock":
      "Den Textbaustein „{id}“ gibt es weder im Dienst noch in den Textbausteinen der Kommune.",
    "lint.unknownDate":
      "Der Platzhalter „{placeholder}“ nennt das Datum „{name}“, das dieses Dokument unter „dates“ nicht festlegt.",
    "lint.paymentOutsideFeeNotice":
      "Der Platzhalter „{placeholder}“ ist nur in Gebührenbescheiden (Dokumente mit „payment“) verfügbar.",
    "lint.paymentWithoutFees":
      "Das Dokument „{id}“ ist ein Gebührenbescheid, der Dienst legt aber keine Gebühren fest.",
    "lint.dataInLibraryBlock":
      "Textbausteine der Kommune gelten für alle Dienste und dürfen nur Platzhalter der Plattform verwenden ({roots}), nicht „{placeholder}“.",
    "lint.unfilledGap":
      "Der Text enthält noch eine Lücke zum Ausfüllen: {gap}. Bitte tragen Sie den Text ein (Textbausteine der Kommune: Verwaltung → Textbausteine).",
    "compose.unknownTextBlock":
      "Den Textbaustein „{id}“ gibt es weder im Dienst noch in den Textbausteinen der Kommune.",
    "compose.notADate": "Das Datum „{name}“ ergibt für diesen Vorgang kein Datum, sondern {value}.",
    "compose.paymentMissing":
      "Für einen Gebührenbescheid fehlen die Zahlungsangaben (Kassenzeichen, Fälligkeit).",
    "compose.badDueDate": "Das Fälligkeitsdatum „{value}“ ist kein gültiges Datum.",
    "payments.invalidIban": "Die IBAN ist ungültig. Bitte prüfen Sie die Bankverbindung.",
    "payments.invalidBic":
      "Die BIC ist ungültig (8 oder 11 Zeichen, z. B. BYLADEM1001). Sie darf auch leer bleiben.",
    "payments.textMissing": "Diese Angabe fehlt; ohne sie kann kein GiroCode erzeugt werden.",
    "payments.textTooLong":
      "Der Text ist {length} Zeichen lang; im GiroCode sind höchstens {max} Zeichen erlaubt.",
    "payments.controlCharacter":
      "Der Text darf keinen Zeilenumbruch und kein Steuerzeichen enthalten.",
    "payments.amountNotCents": "Der Betrag muss ein ganzer Centbetrag sein.",
    "payments.amountOutOfRange": "Der Betrag muss zwischen {min} und {max} liegen.",
    "payments.invalidPurpose": "Der Zweckcode besteht aus vier Großbuchstaben, z. B. GOVT.",
    "payments.payloadTooLong":
      "Die Zahlungsangaben sind zusammen {bytes} Bytes lang; ein GiroCode fasst höchstens {max}.",
    "payments.invalidPrefix": "Das Präfix besteht aus höchstens 6 Ziffern oder Großbuchstaben.",
    "payments.invalidYear": "Das Jahr {year} ist keine vierstellige Jahreszahl.",
    "payments.invalidSequence": "Die laufende Nummer muss eine ganze Zahl ab 0 sein.",
    "payments.sequenceOverflow":
      "Die laufenden Nummern des Kassenzeichens sind erschöpft (höchstens {max}). Bitte verlängern Sie die laufende Nummer in den Einstellungen.",
  },
  en: {
    "definition.invalidJson": "The definition is not valid JSON: {message}",
    "definition.schema": "Invalid value: {message}",
    "definition.unknownType": "Unknown field or effect type.",
    "definition.unknownProperty": "Unknown property: {names}",
    "definition.duplicateId": "The id “{id}” is used more than once.",
    "definition.unknownStatus": "The status “{id}” is not defined.",
    "definition.unknownCodeList": "The code list “{id}” is not defined.",
    "definition.unknownDocument": "The document “{id}” is not defined.",
    "definition.unknownNotification": "The notification “{id}” is not defined.",
    "definition.unknownVariable": "“{id}” is neither a form field nor an input or variable.",
    "definition.optionsOrCodeList": "Choice fields need either options or a code list.",
    "definition.textOrTextBlock": "A document block needs either text or a text block.",
    "definition.amountOrTable": "A fee needs either an amount or a decision table.",
    "definition.ruleArity": "The rule has {actual} conditions, the table {expected} inputs.",
    "definition.minAboveMax": "The minimum is greater than the maximum.",
    "definition.badPattern": "The pattern is not a valid regular expression.",
    "definition.prefillType": "“{source}” does not fit the field type “{type}”.",
    "definition.computedRequired": "A computed field cannot be required.",
    "definition.noFees": "The action assesses fees, but the definition has none.",
    "definition.unknownFeeItem": "The fee item “{id}” is not defined.",
    "definition.notAGroup": "“{id}” is not a repeating group of the form.",
    "definition.forEachNeedsText": "A repeated block needs its own text (not a text block).",
    "definition.automaticWithTimer": "An action is either automatic or timed.",
    "definition.automaticSecondApproval":
      "Automatic and timed actions cannot need second approval.",
    "rules.syntax": "The FEEL expression is malformed (position {position}).",
    "rules.unknownName": "The expression uses “{name}”, which does not exist here.",
    "rules.unknownProperty": "“{name}” has no property “{property}”.",
    "rules.clockFunction": "“{name}” reads the clock; use the variable today instead.",
    "validation.notAnObject": "The data does not have the expected format.",
    "validation.unknownField": "This field does not exist in the form.",
    "validation.required": "Please fill in this field.",
    "validation.mustAccept": "Please confirm this.",
    "validation.type": "The value does not have the expected format ({expected}).",
    "validation.tooShort": "Please enter at least {min} characters.",
    "validation.tooLong": "Please enter at most {max} characters.",
    "validation.invalidCharacters":
      "The entry contains control or invalid characters. Please enter it without them.",
    "validation.pattern": "The value does not have the required format.",
    "validation.tooSmall": "The value must be at least {min}.",
    "validation.tooLarge": "The value must be at most {max}.",
    "validation.notInteger": "Please enter a whole number.",
    "validation.moneyCents": "Please give an amount in cents as a whole number.",
    "validation.invalidDate": "Please enter a valid date.",
    "validation.dateTooEarly": "The date must not be before {min}.",
    "validation.dateTooLate": "The date must not be after {max}.",
    "validation.invalidTime": "Please enter a time as HH:MM.",
    "validation.timeTooEarly": "The time must not be before {min}.",
    "validation.timeTooLate": "The time must not be after {max}.",
    "validation.invalidOption": "Please choose one of the offered values.",
    "validation.duplicateOption": "Each value may be chosen only once.",
    "validation.tooFewItems": "Please give at least {min} entries.",
    "validation.tooManyItems": "Please give at most {max} entries.",
    "validation.email": "Please enter a valid e-mail address.",
    "validation.phone": "Please enter a valid telephone number.",
    "validation.postcode": "Please enter a valid five-digit postcode.",
    "validation.iban": "The IBAN is not valid. Please check it.",
    "validation.fileType": "This file type is not allowed (allowed: {accept}).",
    "validation.fileTooLarge": "The file is too large (at most {max} bytes).",
    "validation.tooManyFiles": "Please upload at most {max} files.",
    "validation.constraint": "{message}",
    "process.unknownAction": "The action “{id}” does not exist in this process.",
    "process.notAllowed": "You may not perform the action “{id}” here.",
    "process.invalidInput": "Please check your input for the action.",
    "process.guardFailed": "The conditions for “{id}” are not met.",
    "process.pendingApproval": "An action is still waiting for approval.",
    "process.sameApprover": "Another person must approve (second approval).",
    "process.nothingPending": "No action is waiting for approval.",
    "process.automaticLoop": "Automatic actions run in a loop (more than {steps} steps).",
    "process.feeAssessmentFailed": "The fees could not be assessed.",
    "fees.notIntegerCents": "The fee formula does not yield whole cents ({value}).",
    "fees.negativeTotal": "The total fee would be negative.",
    "lint.unreachableStatus": "The status “{id}” cannot be reached from any other status.",
    "lint.deadEnd": "No action leads out of the status “{id}”, but it is not final.",
    "lint.finalWithActions": "The final status “{id}” has outgoing actions: {actions}.",
    "lint.noRole": "No role can perform the action “{id}”.",
    "lint.noApprover": "Nobody can give the second approval for the action “{id}”.",
    "lint.automaticLoop": "Automatic actions can run in a loop: {actions}.",
    "lint.feeGap": "No row of the fee table applies to values {range}.",
    "lint.feeOverlap": "Several rows apply to values {range} ({rows}); their amounts add up.",
    "lint.feeRuleShadowed": "Row {row} of the fee table never applies: earlier rows cover it.",
    "lint.badPlaceholder": "The placeholder {placeholder} is malformed.",
    "lint.unknownPlaceholder": "The placeholder “{placeholder}” names an unknown field.",
    "lint.unknownTextBlock":
      "The text block “{id}” exists neither in the service nor in the municipality's text blocks.",
    "lint.unknownDate":
      "The placeholder “{placeholder}” names the date “{name}”, which this document does not define under “dates”.",
    "lint.paymentOutsideFeeNotice":
      "The placeholder “{placeholder}” is only available in fee notices (documents with “payment”).",
    "lint.paymentWithoutFees":
      "The document “{id}” is a fee notice, but the service defines no fees.",
    "lint.dataInLibraryBlock":
      "The municipality's text blocks serve every service and may only use the platform's placeholders ({roots}), not “{placeholder}”.",
    "lint.unfilledGap":
      "The text still has a gap to fill: {gap}. Please enter the text (the municipality's text blocks: Administration → Text blocks).",
    "compose.unknownTextBlock":
      "The text block “{id}” exists neither in the service nor in the municipality's text blocks.",
    "compose.notADate": "The date “{name}” does not yield a date for this case but {value}.",
    "compose.paymentMissing":
      "A fee notice needs its payment details (payment reference, due date).",
    "compose.badDueDate": "The due date “{value}” is not a valid date.",
    "payments.invalidIban": "The IBAN is not valid. Please check the bank details.",
    "payments.invalidBic":
      "The BIC is not valid (8 or 11 characters, e.g. BYLADEM1001). It may also be left empty.",
    "payments.textMissing": "This is missing; no GiroCode can be made without it.",
    "payments.textTooLong":
      "The text has {length} characters; a GiroCode allows at most {max} characters here.",
    "payments.controlCharacter": "The text must not contain a line break or control character.",
    "payments.amountNotCents": "The amount must be a whole number of cents.",
    "payments.amountOutOfRange": "The amount must be between {min} and {max}.",
    "payments.invalidPurpose": "The purpose code is four capital letters, e.g. GOVT.",
    "payments.payloadTooLong":
      "The payment details take {bytes} bytes together; a GiroCode holds at most {max}.",
    "payments.invalidPrefix": "The prefix is at most 6 digits or capital letters.",
    "payments.invalidYear": "The year {year} is not a four-digit year.",
    "payments.invalidSequence": "The sequence number must be a whole number from 0.",
    "payments.sequenceOverflow":
      "The Kassenzeichen's sequence numbers are used up (at most {max}). Please make the sequence number longer in the settings.",
  },
} as const;

/** A message key of the core. */
export type MessageKey = keyof (typeof messages)["de"];

/** Fills a message's `{placeholders}` from params; unknown keys come back as the key itself. */
export function formatMessage(
  key: string,
  params: Record<string, string | number> = {},
  language: "de" | "en" = "de",
): string {
  const catalogue: Record<string, string> = messages[language];
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}
