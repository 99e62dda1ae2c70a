import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "tenants.list.title": "Kommunen",
    "tenants.list.intro":
      "Wählen Sie Ihre Stadt, Gemeinde oder Ihren Kreis, um Online-Dienste zu nutzen.",
    "tenants.home.title": "Online-Dienste",
    "tenants.home.intro":
      "Hier erledigen Sie Ihre Anliegen bei uns online – jederzeit und von zu Hause.",
    "tenants.home.services": "Online-Dienste",
    "tenants.home.noServices": "Derzeit sind noch keine Online-Dienste veröffentlicht.",
    "tenants.home.contact": "Kontakt",
    "tenants.catalogue.search": "Dienst suchen",
    "tenants.catalogue.search.hint": "Zum Beispiel: Hund, Parkausweis, Kita",
    "tenants.catalogue.search.submit": "Suchen",
    "tenants.catalogue.resultsTitle": "Suche nach „{query}“",
    "tenants.catalogue.none":
      "Zu „{query}“ haben wir keinen Online-Dienst gefunden. Versuchen Sie ein anderes Wort oder wenden Sie sich an uns.",
    "tenants.catalogue.count": "{count} Online-Dienste zu „{query}“.",
    "tenants.catalogue.count.one": "1 Online-Dienst zu „{query}“.",
    "tenants.catalogue.all": "Alle Online-Dienste anzeigen",
    "tenants.catalogue.categories": "Themen",
    "tenants.catalogue.other": "Weitere Dienste",
    "tenants.field.phone": "Telefon",
    "tenants.field.email": "E-Mail",
    "tenants.field.openingHours": "Öffnungszeiten",
    "tenants.legal.default.impressum":
      "Anbieter dieser Seiten ist {name}. Die vollständigen Angaben nach § 5 DDG pflegt die Verwaltung in den Einstellungen.",
    "tenants.legal.default.privacy":
      "{name} verarbeitet Ihre Daten nur, soweit es für die Bearbeitung Ihres Anliegens erforderlich ist (Art. 6 Abs. 1 lit. c und e DSGVO). Die vollständige Datenschutzerklärung pflegt die Verwaltung in den Einstellungen.",
    "tenants.legal.default.accessibility":
      "{name} ist bemüht, diese Website im Einklang mit der BITV 2.0 barrierefrei zugänglich zu machen. Die Seiten werden automatisiert mit axe-core geprüft. Barrieren können Sie uns über die Kontaktangaben im Impressum melden.",
    "tenants.error.slugFormat":
      "Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. musterstadt.",
    "tenants.error.slugReserved": "Diese Adresse ist für das System reserviert.",
    "tenants.error.slugTaken": "Diese Adresse ist bereits vergeben.",
    "tenants.error.iban": "Bitte geben Sie eine gültige IBAN ein (die Prüfziffer stimmt nicht).",
    "tenants.error.bic": "Bitte geben Sie eine gültige BIC ein, z. B. MARKDEF1100.",
    "tenants.error.postcode": "Bitte geben Sie eine fünfstellige Postleitzahl ein.",
    "tenants.error.colour": "Bitte geben Sie eine Farbe im Format #RRGGBB ein.",
    "tenants.error.state": "Bitte wählen Sie ein Bundesland.",
    "tenants.error.postalDays": "Bitte wählen Sie den dritten oder den vierten Tag.",
    "tenants.error.kzPrefix": "Das Präfix darf bis zu 6 Großbuchstaben oder Ziffern haben.",
    "tenants.error.kzYearDigits": "Bitte wählen Sie, wie das Jahr im Kassenzeichen steht.",
    "tenants.error.kzSequenceDigits": "Bitte geben Sie eine Zahl von 4 bis 10 ein.",
    "tenants.error.kzCheckDigit": "Bitte wählen Sie ein Prüfziffernverfahren.",
  },
  en: {
    "tenants.list.title": "Municipalities",
    "tenants.list.intro": "Choose your town, municipality or district to use its online services.",
    "tenants.home.title": "Online services",
    "tenants.home.intro": "Take care of your business with us online – any time, from home.",
    "tenants.home.services": "Online services",
    "tenants.home.noServices": "No online services have been published yet.",
    "tenants.home.contact": "Contact",
    "tenants.catalogue.search": "Search services",
    "tenants.catalogue.search.hint": "For example: dog, parking permit, day care",
    "tenants.catalogue.search.submit": "Search",
    "tenants.catalogue.resultsTitle": "Search for “{query}”",
    "tenants.catalogue.none":
      "We found no online service for “{query}”. Try another word or get in touch with us.",
    "tenants.catalogue.count": "{count} online services for “{query}”.",
    "tenants.catalogue.count.one": "1 online service for “{query}”.",
    "tenants.catalogue.all": "Show all online services",
    "tenants.catalogue.categories": "Topics",
    "tenants.catalogue.other": "Other services",
    "tenants.field.phone": "Phone",
    "tenants.field.email": "Email",
    "tenants.field.openingHours": "Opening hours",
    "tenants.legal.default.impressum":
      "These pages are provided by {name}. The administration maintains the full legal notice (§ 5 DDG) in its settings.",
    "tenants.legal.default.privacy":
      "{name} processes your data only as far as needed to handle your request (Art. 6(1)(c) and (e) GDPR). The administration maintains the full privacy notice in its settings.",
    "tenants.legal.default.accessibility":
      "{name} strives to make this website accessible in line with BITV 2.0. Pages are checked automatically with axe-core. You can report barriers using the contact details in the legal notice.",
    "tenants.error.slugFormat":
      "Lower-case letters, digits and single hyphens only, e.g. musterstadt.",
    "tenants.error.slugReserved": "This address is reserved by the system.",
    "tenants.error.slugTaken": "This address is already taken.",
    "tenants.error.iban": "Please enter a valid IBAN (the check digits do not match).",
    "tenants.error.bic": "Please enter a valid BIC, e.g. MARKDEF1100.",
    "tenants.error.postcode": "Please enter a five-digit postcode.",
    "tenants.error.colour": "Please enter a colour as #RRGGBB.",
    "tenants.error.state": "Please choose a federal state.",
    "tenants.error.postalDays": "Please choose the third or the fourth day.",
    "tenants.error.kzPrefix": "The prefix may have up to 6 capital letters or digits.",
    "tenants.error.kzYearDigits": "Please choose how the year appears in the reference.",
    "tenants.error.kzSequenceDigits": "Please enter a number from 4 to 10.",
    "tenants.error.kzCheckDigit": "Please choose a check digit method.",
  },
});
