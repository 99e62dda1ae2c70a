import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "accounts.login.title.citizen": "Anmelden am Bürgerkonto",
    "accounts.login.title.staff": "Anmeldung für Mitarbeitende – {tenant}",
    "accounts.login.title.admin": "Anmeldung für den Plattformbetrieb",
    "accounts.login.submit": "Anmelden",
    "accounts.login.forgot": "Passwort vergessen?",
    "accounts.login.register": "Noch kein Bürgerkonto? Jetzt registrieren",
    "accounts.field.name": "Vor- und Nachname",
    "accounts.field.email": "E-Mail-Adresse",
    "accounts.field.password": "Passwort",
    "accounts.field.newPassword": "Neues Passwort",
    "accounts.field.passwordRepeat": "Neues Passwort wiederholen",
    "accounts.field.currentPassword": "Aktuelles Passwort",
    "accounts.field.code": "Sicherheitscode",
    "accounts.hint.password":
      "Mindestens {min} Zeichen. Ein langer Satz, den Sie sich gut merken können, ist sicherer als ein kurzes kompliziertes Wort. Nicht Ihre E-Mail-Adresse.",
    "accounts.hint.code":
      "Der sechsstellige Code aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes.",
    "accounts.hint.totp": "Der sechsstellige Code, den Ihre Authenticator-App jetzt anzeigt.",
    "accounts.register.title": "Bürgerkonto anlegen",
    "accounts.register.intro":
      "Mit einem Bürgerkonto stellen Sie Anträge bei allen Kommunen auf dieser Plattform und sehen jederzeit, wie weit sie sind.",
    "accounts.register.submit": "Konto anlegen",
    "accounts.register.haveAccount": "Sie haben schon ein Konto? Anmelden",
    "accounts.verify.sent.title": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
    "accounts.verify.sent.text":
      "Wir haben Ihnen eine E-Mail mit einem Bestätigungslink geschickt. Der Link ist 48 Stunden gültig. Erst nach der Bestätigung können Sie sich anmelden.",
    "accounts.verify.done": "Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.",
    "accounts.verify.invalid.title": "Link ungültig oder abgelaufen",
    "accounts.verify.invalid.text":
      "Dieser Bestätigungslink ist ungültig, wurde schon benutzt oder ist abgelaufen. Registrieren Sie sich mit derselben E-Mail-Adresse noch einmal, dann erhalten Sie einen neuen Link.",
    "accounts.forgot.title": "Passwort vergessen",
    "accounts.forgot.intro":
      "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.",
    "accounts.forgot.submit": "Link anfordern",
    "accounts.forgot.sent.title": "E-Mail ist unterwegs",
    "accounts.forgot.sent.text":
      "Wenn zu dieser Adresse ein Konto besteht, haben wir Ihnen einen Link geschickt. Er ist eine Stunde gültig.",
    "accounts.backToLogin": "Zurück zur Anmeldung",
    "accounts.reset.title": "Neues Passwort festlegen",
    "accounts.reset.submit": "Passwort speichern",
    "accounts.reset.invalid.title": "Link ungültig oder abgelaufen",
    "accounts.reset.invalid.text":
      "Dieser Link ist ungültig, wurde schon benutzt oder ist abgelaufen. Fordern Sie bitte einen neuen an.",
    "accounts.reset.done": "Ihr neues Passwort ist gespeichert. Bitte melden Sie sich an.",
    "accounts.mfa.title": "Zweiter Faktor",
    "accounts.mfa.intro":
      "Geben Sie den Code aus Ihrer Authenticator-App ein. Haben Sie Ihr Gerät nicht zur Hand, nutzen Sie einen Wiederherstellungscode.",
    "accounts.mfa.submit": "Bestätigen",
    "accounts.totp.forcedTitle": "Zwei-Faktor-Authentisierung einrichten",
    "accounts.totp.forcedIntro":
      "Für Mitarbeitende ist ein zweiter Faktor vorgeschrieben. Richten Sie ihn jetzt ein, danach geht es weiter.",
    "accounts.totp.step1":
      "Installieren Sie eine Authenticator-App auf Ihrem Smartphone, z. B. FreeOTP, Aegis oder die App Ihres Betriebssystems.",
    "accounts.totp.step2": "Scannen Sie diesen QR-Code mit der App.",
    "accounts.totp.qrAlt": "QR-Code zum Einrichten der Authenticator-App",
    "accounts.totp.manual": "Oder geben Sie diesen Schlüssel von Hand ein:",
    "accounts.totp.step3": "Geben Sie den Code ein, den die App anzeigt.",
    "accounts.totp.confirm": "Einrichtung abschließen",
    "accounts.recovery.title": "Ihre Wiederherstellungscodes",
    "accounts.recovery.once": "Nur dieses eine Mal sichtbar",
    "accounts.recovery.intro":
      "Bewahren Sie diese Codes sicher auf, z. B. ausgedruckt. Jeder Code gilt einmal, falls Sie Ihre Authenticator-App nicht zur Hand haben.",
    "accounts.recovery.continue": "Ich habe die Codes gesichert – weiter",
    "accounts.home.title": "Mein Konto",
    "accounts.home.profile": "Meine Angaben",
    "accounts.home.links": "Weiter zu",
    "accounts.home.municipalities": "Kommunen und Online-Dienste",
    "accounts.workspace.title": "Posteingang",
    "accounts.workspace.hello": "Angemeldet als {name}.",
    "accounts.workspace.roles": "Ihre Rollen",
    "accounts.workspace.links": "Weiter zu",
    "accounts.workspace.administration":
      "Verwaltung der Kommune (Einstellungen, Organisationseinheiten, Mitarbeitende)",
    "accounts.role.admin": "Verwaltung",
    "accounts.role.designer": "Gestaltung von Online-Diensten",
    "accounts.role.caseworker": "Sachbearbeitung",
    "accounts.role.approver": "Freigabe",
    "accounts.role.auditor": "Prüfung",
    "accounts.security.title": "Sicherheit",
    "accounts.security.totp": "Zwei-Faktor-Authentisierung",
    "accounts.security.totpOn":
      "Eingeschaltet. Sie haben noch {left} unbenutzte Wiederherstellungscodes.",
    "accounts.security.totpOffText":
      "Ausgeschaltet. Mit einem zweiten Faktor schützen Sie Ihr Konto auch dann, wenn jemand Ihr Passwort kennt.",
    "accounts.security.totpStart": "Zwei-Faktor-Authentisierung einschalten",
    "accounts.security.totpSetupIntro": "Die Einrichtung ist begonnen.",
    "accounts.security.totpCancel": "Einrichtung abbrechen",
    "accounts.security.totpOff": "Zwei-Faktor-Authentisierung ausschalten",
    "accounts.security.totpOffDone": "Die Zwei-Faktor-Authentisierung ist ausgeschaltet.",
    "accounts.security.totpMandatory":
      "Für Mitarbeitende ist der zweite Faktor vorgeschrieben und kann nicht ausgeschaltet werden.",
    "accounts.security.newCodes": "Neue Wiederherstellungscodes erzeugen",
    "accounts.security.password": "Passwort ändern",
    "accounts.security.changePassword": "Passwort ändern",
    "accounts.security.passwordChanged":
      "Ihr Passwort ist geändert. Andere Anmeldungen wurden beendet.",
    "accounts.security.sessions": "Angemeldete Geräte",
    "accounts.session.device": "Gerät",
    "accounts.session.since": "Angemeldet seit",
    "accounts.session.lastSeen": "Zuletzt aktiv",
    "accounts.session.action": "Aktion",
    "accounts.session.current": "Dieses Gerät",
    "accounts.session.revoke": "Abmelden",
    "accounts.session.revoked": "Die Anmeldung wurde beendet.",
    "accounts.logout.done": "Sie sind abgemeldet.",
    "accounts.error.invalidLogin":
      "E-Mail-Adresse oder Passwort sind nicht richtig. Bitte prüfen Sie Ihre Eingaben.",
    "accounts.error.unverified":
      "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer E-Mail.",
    "accounts.error.code": "Der Code ist nicht richtig. Bitte versuchen Sie es noch einmal.",
    "accounts.error.passwordIsEmail": "Das Passwort darf nicht Ihre E-Mail-Adresse sein.",
    "accounts.error.passwordRepeat": "Die beiden Passwörter stimmen nicht überein.",
    "accounts.error.currentPassword": "Das aktuelle Passwort ist nicht richtig.",
    "accounts.error.totpAlreadyOn": "Die Zwei-Faktor-Authentisierung ist schon eingeschaltet.",
    "accounts.error.totpNoSetup":
      "Es ist keine Einrichtung begonnen. Bitte laden Sie die Seite neu.",
    "accounts.error.totpMandatory":
      "Für Mitarbeitende ist der zweite Faktor vorgeschrieben und kann nicht ausgeschaltet werden.",
    "accounts.error.emailTaken": "Zu dieser E-Mail-Adresse besteht schon ein Konto.",
    "accounts.mail.greeting": "Guten Tag {name},",
    "accounts.mail.footer":
      "Diese E-Mail wurde automatisch erstellt. Wenn Sie sie nicht erwartet haben, können Sie sie ignorieren.",
    "accounts.mail.verify.subject": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
    "accounts.mail.verify.body":
      "Sie haben ein Bürgerkonto angelegt. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link:",
    "accounts.mail.verify.after": "Der Link ist 48 Stunden gültig.",
    "accounts.mail.reset.subject": "Neues Passwort festlegen",
    "accounts.mail.reset.body":
      "Für Ihr Konto wurde ein neues Passwort angefordert. Mit diesem Link legen Sie es fest:",
    "accounts.mail.reset.after":
      "Der Link ist eine Stunde gültig. Haben Sie nichts angefordert, bleibt Ihr Passwort unverändert.",
    "accounts.mail.invite.subject": "Ihr Zugang zu Dienstwerk",
    "accounts.mail.invite.body":
      "Für Sie wurde ein Zugang für Mitarbeitende angelegt. Legen Sie mit diesem Link Ihr Passwort fest:",
    "accounts.mail.invite.after": "Der Link ist sieben Tage gültig.",
    "accounts.mail.alreadyRegistered.subject": "Sie haben bereits ein Bürgerkonto",
    "accounts.mail.alreadyRegistered.body":
      "Jemand wollte mit Ihrer E-Mail-Adresse ein Bürgerkonto anlegen. Sie haben bereits eines und können sich hier anmelden:",
    "accounts.mail.alreadyRegistered.after":
      "Haben Sie Ihr Passwort vergessen, nutzen Sie auf der Anmeldeseite „Passwort vergessen?“.",
  },
  en: {
    "accounts.login.title.citizen": "Sign in to your citizen account",
    "accounts.login.title.staff": "Staff sign-in – {tenant}",
    "accounts.login.title.admin": "Sign-in for platform operators",
    "accounts.login.submit": "Sign in",
    "accounts.login.forgot": "Forgot your password?",
    "accounts.login.register": "No citizen account yet? Register now",
    "accounts.field.name": "Full name",
    "accounts.field.email": "Email address",
    "accounts.field.password": "Password",
    "accounts.field.newPassword": "New password",
    "accounts.field.passwordRepeat": "Repeat new password",
    "accounts.field.currentPassword": "Current password",
    "accounts.field.code": "Security code",
    "accounts.hint.password":
      "At least {min} characters. A long sentence you can remember is safer than a short complicated word. Not your email address.",
    "accounts.hint.code":
      "The six-digit code from your authenticator app, or one of your recovery codes.",
    "accounts.hint.totp": "The six-digit code your authenticator app shows now.",
    "accounts.register.title": "Create a citizen account",
    "accounts.register.intro":
      "With a citizen account you apply to every municipality on this platform and can always see how far your applications are.",
    "accounts.register.submit": "Create account",
    "accounts.register.haveAccount": "Already have an account? Sign in",
    "accounts.verify.sent.title": "Please confirm your email address",
    "accounts.verify.sent.text":
      "We have sent you an email with a confirmation link. The link is valid for 48 hours. You can sign in once you have confirmed.",
    "accounts.verify.done": "Your email address is confirmed. You can sign in now.",
    "accounts.verify.invalid.title": "Link invalid or expired",
    "accounts.verify.invalid.text":
      "This confirmation link is invalid, has been used or has expired. Register again with the same email address to get a new link.",
    "accounts.forgot.title": "Forgot password",
    "accounts.forgot.intro":
      "Enter the email address of your account. We will send you a link to choose a new password.",
    "accounts.forgot.submit": "Send link",
    "accounts.forgot.sent.title": "Email on its way",
    "accounts.forgot.sent.text":
      "If there is an account for this address, we have sent you a link. It is valid for one hour.",
    "accounts.backToLogin": "Back to sign-in",
    "accounts.reset.title": "Choose a new password",
    "accounts.reset.submit": "Save password",
    "accounts.reset.invalid.title": "Link invalid or expired",
    "accounts.reset.invalid.text":
      "This link is invalid, has been used or has expired. Please request a new one.",
    "accounts.reset.done": "Your new password is saved. Please sign in.",
    "accounts.mfa.title": "Second factor",
    "accounts.mfa.intro":
      "Enter the code from your authenticator app. If you do not have your device at hand, use a recovery code.",
    "accounts.mfa.submit": "Confirm",
    "accounts.totp.forcedTitle": "Set up two-factor authentication",
    "accounts.totp.forcedIntro":
      "Staff must use a second factor. Set it up now; then you can continue.",
    "accounts.totp.step1":
      "Install an authenticator app on your smartphone, e.g. FreeOTP, Aegis or your operating system's app.",
    "accounts.totp.step2": "Scan this QR code with the app.",
    "accounts.totp.qrAlt": "QR code for setting up the authenticator app",
    "accounts.totp.manual": "Or enter this key by hand:",
    "accounts.totp.step3": "Enter the code the app shows.",
    "accounts.totp.confirm": "Finish setup",
    "accounts.recovery.title": "Your recovery codes",
    "accounts.recovery.once": "Shown only this once",
    "accounts.recovery.intro":
      "Keep these codes safe, e.g. printed. Each code works once, in case you do not have your authenticator app at hand.",
    "accounts.recovery.continue": "I have saved the codes – continue",
    "accounts.home.title": "My account",
    "accounts.home.profile": "My details",
    "accounts.home.links": "Go to",
    "accounts.home.municipalities": "Municipalities and online services",
    "accounts.workspace.title": "Inbox",
    "accounts.workspace.hello": "Signed in as {name}.",
    "accounts.workspace.roles": "Your roles",
    "accounts.workspace.links": "Go to",
    "accounts.workspace.administration": "Municipality administration (settings, org units, staff)",
    "accounts.role.admin": "Administration",
    "accounts.role.designer": "Online service design",
    "accounts.role.caseworker": "Case work",
    "accounts.role.approver": "Approval",
    "accounts.role.auditor": "Audit",
    "accounts.security.title": "Security",
    "accounts.security.totp": "Two-factor authentication",
    "accounts.security.totpOn": "On. You have {left} unused recovery codes left.",
    "accounts.security.totpOffText":
      "Off. A second factor protects your account even if someone knows your password.",
    "accounts.security.totpStart": "Turn on two-factor authentication",
    "accounts.security.totpSetupIntro": "Setup has started.",
    "accounts.security.totpCancel": "Cancel setup",
    "accounts.security.totpOff": "Turn off two-factor authentication",
    "accounts.security.totpOffDone": "Two-factor authentication is off.",
    "accounts.security.totpMandatory": "Staff must use a second factor; it cannot be turned off.",
    "accounts.security.newCodes": "Create new recovery codes",
    "accounts.security.password": "Change password",
    "accounts.security.changePassword": "Change password",
    "accounts.security.passwordChanged":
      "Your password is changed. Your other sessions have been ended.",
    "accounts.security.sessions": "Signed-in devices",
    "accounts.session.device": "Device",
    "accounts.session.since": "Signed in since",
    "accounts.session.lastSeen": "Last active",
    "accounts.session.action": "Action",
    "accounts.session.current": "This device",
    "accounts.session.revoke": "Sign out",
    "accounts.session.revoked": "The session has been ended.",
    "accounts.logout.done": "You are signed out.",
    "accounts.error.invalidLogin":
      "Email address or password is not correct. Please check what you entered.",
    "accounts.error.unverified":
      "Please confirm your email address first, using the link in our email.",
    "accounts.error.code": "The code is not correct. Please try again.",
    "accounts.error.passwordIsEmail": "The password must not be your email address.",
    "accounts.error.passwordRepeat": "The two passwords do not match.",
    "accounts.error.currentPassword": "The current password is not correct.",
    "accounts.error.totpAlreadyOn": "Two-factor authentication is already on.",
    "accounts.error.totpNoSetup": "No setup has been started. Please reload the page.",
    "accounts.error.totpMandatory": "Staff must use a second factor; it cannot be turned off.",
    "accounts.error.emailTaken": "There is already an account for this email address.",
    "accounts.mail.greeting": "Hello {name},",
    "accounts.mail.footer":
      "This email was sent automatically. If you did not expect it, you can ignore it.",
    "accounts.mail.verify.subject": "Please confirm your email address",
    "accounts.mail.verify.body":
      "You have created a citizen account. Please confirm your email address with this link:",
    "accounts.mail.verify.after": "The link is valid for 48 hours.",
    "accounts.mail.reset.subject": "Choose a new password",
    "accounts.mail.reset.body":
      "A new password was requested for your account. Choose it with this link:",
    "accounts.mail.reset.after":
      "The link is valid for one hour. If you did not request anything, your password stays as it is.",
    "accounts.mail.invite.subject": "Your access to Dienstwerk",
    "accounts.mail.invite.body":
      "A staff account has been created for you. Choose your password with this link:",
    "accounts.mail.invite.after": "The link is valid for seven days.",
    "accounts.mail.alreadyRegistered.subject": "You already have a citizen account",
    "accounts.mail.alreadyRegistered.body":
      "Someone tried to create a citizen account with your email address. You already have one and can sign in here:",
    "accounts.mail.alreadyRegistered.after":
      "If you forgot your password, use “Forgot your password?” on the sign-in page.",
  },
});
