// Accounts and people: registration, signing in, passwords, roles, the home page, emails.
export const accounts = {
  // The home page.
  "accounts.home.title": "Home",
  "accounts.home.intro": "Decide together how your area's money is spent, and trade time with your neighbours: one hour given is one hour earned.",
  "accounts.home.rounds.heading": "Budget rounds",
  "accounts.home.rounds.body": "Suggest projects, talk them through, and vote on which ones get funded. Anyone can check the results.",
  "accounts.home.rounds.link": "See budget rounds",
  "accounts.home.timebank.heading": "Timebank",
  "accounts.home.timebank.body": "Give an hour of help, earn an hour of credit, and spend it on help, childcare or with local partners.",
  "accounts.home.signedInAs": "You are signed in as {name}.",
  "accounts.home.accountLink": "Go to your account",
  "accounts.home.start": "Create an account",

  // Form fields used on several account pages.
  "accounts.field.fullName": "Full name",
  "accounts.field.email": "Email address",
  "accounts.field.password": "Password",
  "accounts.field.newPassword": "New password",
  "accounts.field.newPasswordHint": "Must be {minimum} characters or more",
  "accounts.field.confirmNewPassword": "Confirm new password",

  // Create an account.
  "accounts.register.title": "Create an account",
  "accounts.register.haveAccount": "Already have an account? {link}.",
  "accounts.register.signInLink": "Sign in",
  "accounts.register.emailHint": "You will use this to sign in",
  "accounts.register.passwordHint": "Must be {minimum} characters or more. A few words together is easy to remember.",
  "accounts.register.area": "Area you live in (optional)",
  "accounts.register.areaHint": "For example, Riverside. Some budget rounds are only for people in one area.",
  "accounts.register.submit": "Create account",

  // Sign in.
  "accounts.signIn.title": "Sign in",
  "accounts.signIn.passwordSet": "Your password has been set. Sign in with your new password.",
  "accounts.signIn.submit": "Sign in",
  "accounts.signIn.forgotten": "I have forgotten my password",
  "accounts.signIn.noAccount": "No account yet? {link}. If you are not online, a timebank coordinator or council officer can open one for you.",
  "accounts.signIn.registerLink": "Create an account",

  // Sign out.
  "accounts.signOut.title": "Sign out",
  "accounts.signOut.body": "You will need your email address and password to sign in again.",
  "accounts.signOut.submit": "Sign out",

  // Forgotten password: asking for a reset link.
  "accounts.forgotPassword.title": "Reset your password",
  "accounts.forgotPassword.intro": "We will email you a link to choose a new password.",
  "accounts.forgotPassword.submit": "Send reset link",
  "accounts.forgotPassword.sent.title": "Check your email",
  "accounts.forgotPassword.sent.body": "If {email} has a Potluck account, we have sent it a link to reset your password. The link works once, for 1 hour.",
  "accounts.forgotPassword.sent.help": "If nothing arrives, a coordinator or officer can help you set a new password.",

  // Choosing a password with a reset link.
  "accounts.resetPassword.title": "Choose a new password",
  "accounts.resetPassword.intro": "Choose a new password for your Potluck account.",
  "accounts.resetPassword.submit": "Save new password",

  // Setting up an account opened by staff.
  "accounts.setup.title": "Set up your account",
  "accounts.setup.intro": "Choose a password. You will use it with your email address to sign in.",
  "accounts.setup.introNamed": "Hello {name}. Choose a password. You will use it with your email address to sign in.",
  "accounts.setup.submit": "Set password",

  // A one-time link that no longer works.
  "accounts.linkNotValid.title": "This link has expired or has already been used",
  "accounts.linkNotValid.body": "Links to set a password work once. Reset links last 1 hour; set-up links last 7 days.",
  "accounts.linkNotValid.askAgain": "{link} or ask the coordinator or officer who opened your account.",
  "accounts.linkNotValid.askLink": "Ask for a new link",

  // Change your password.
  "accounts.changePassword.title": "Change your password",
  "accounts.changePassword.mustChange.title": "Choose your own password",
  "accounts.changePassword.mustChange.body": "You signed in with a temporary password. Choose a password of your own before you continue.",
  "accounts.changePassword.temporary": "Temporary password",
  "accounts.changePassword.current": "Current password",
  "accounts.changePassword.submit": "Save password",

  // Your messages.
  "accounts.notifications.title": "Your messages",
  "accounts.notifications.none": "You have no messages yet.",
  "accounts.notifications.seeResults": "See the results",
  "accounts.notifications.open": "Open",

  // Add a person (staff open an account for someone who is not online).
  "accounts.addPerson.title": "Add a person",
  "accounts.addPerson.intro": "Open an account for someone who is not online. They become a resident.",
  "accounts.addPerson.emailHint": "They will use this to sign in",
  "accounts.addPerson.area": "Area they live in (optional)",
  "accounts.addPerson.method": "How will they set their password?",
  "accounts.addPerson.method.setupLink": "Send a set-up link",
  "accounts.addPerson.method.setupLinkHint": "They choose a password using a link that works once",
  "accounts.addPerson.method.temporaryPassword": "Give a temporary password",
  "accounts.addPerson.method.temporaryPasswordHint": "They must change it the first time they sign in",
  "accounts.addPerson.submit": "Open account",
  "accounts.addPerson.opened": "Account opened for {name}",
  "accounts.addPerson.givePassword": "Give {name} this temporary password",
  "accounts.addPerson.passwordHelp": "They sign in with {email} and this password, then choose their own. It is shown only once: write it down for them now.",
  "accounts.addPerson.giveLink": "Give {name} this set-up link",
  "accounts.addPerson.linkHelp": "We have also emailed it to {email}. It works once, for 7 days.",
  "accounts.addPerson.another": "Add another person",

  // People and roles: the list.
  "accounts.people.title": "People and roles",
  "accounts.people.search": "Search by name or email address",
  "accounts.people.searchButton": "Search",
  "accounts.people.count.one": "{count} person",
  "accounts.people.count.other": "{count} people",
  "accounts.people.name": "Name",
  "accounts.people.email": "Email address",
  "accounts.people.area": "Area",
  "accounts.people.areaNotGiven": "Not given",

  // People and roles: one person.
  "accounts.person.title": "Person",
  "accounts.person.caption": "People and roles",
  "accounts.person.roles": "Roles",
  "accounts.person.role": "Role",
  "accounts.person.organisation": "Organisation",
  "accounts.person.action": "Action",
  "accounts.person.noOrganisation": "None",
  "accounts.person.remove": "Remove",
  "accounts.person.removeHidden": "{role} role",
  "accounts.person.give.heading": "Give a role",
  "accounts.person.give.chooseRole": "Select a role",
  "accounts.person.give.noOrganisation": "No organisation (residents and administrators)",
  "accounts.person.give.submit": "Give role",
  "accounts.person.error.roleMissing": "Select a role",
  "accounts.person.error.roleNotInList": "Select a role from the list",
  "accounts.person.error.organisationNotInList": "Select an organisation from the list",
  "accounts.person.error.roleToRemove": "Select a role to remove",

  // Roles.
  "accounts.role.resident": "Resident",
  "accounts.role.coordinator": "Timebank coordinator",
  "accounts.role.officer": "Council officer",
  "accounts.role.moderator": "Moderator",
  "accounts.role.admin": "Administrator",

  // What a valid account detail is: messages for the account forms.
  "accounts.validation.email.missing": "Enter your email address",
  "accounts.validation.email.tooLong": "Email address must be {maximum} characters or fewer",
  "accounts.validation.email.format": "Enter an email address in the correct format, like name@example.com",
  "accounts.validation.name.missing": "Enter your full name",
  "accounts.validation.name.tooLong": "Full name must be {maximum} characters or fewer",
  "accounts.validation.area.tooLong": "Area must be {maximum} characters or fewer",
  "accounts.validation.password.missing": "Enter a password",
  "accounts.validation.password.tooShort": "Password must be {minimum} characters or more",
  "accounts.validation.password.tooLong": "Password must be {maximum} characters or fewer",
  "accounts.validation.signInPassword.missing": "Enter your password",
  "accounts.validation.confirmPassword.missing": "Confirm your password",
  "accounts.validation.passwordsMatch": "Passwords must match",
  "accounts.validation.currentPassword.missing": "Enter your current password",
  "accounts.validation.confirmNewPassword.missing": "Confirm your new password",
  "accounts.validation.person.nameMissing": "Enter the person's full name",
  "accounts.validation.person.emailMissing": "Enter the person's email address",
  "accounts.validation.person.methodMissing": "Select how the person will set their password",

  // Emails.
  "accounts.email.setup.subject": "Set up your Potluck account",
  "accounts.email.setup.body": "{openedBy} has opened a Potluck account for you.\n\nChoose your password here (the link works once, for 7 days):\n{link}\n",
  "accounts.email.setup.openedByAdministrator": "The Potluck administrator",
  "accounts.email.reset.subject": "Reset your Potluck password",
  "accounts.email.reset.body": "Hello {name},\n\nUse this link to choose a new password. It works once, for 1 hour:\n{link}\n\nIf you did not ask for this, you can ignore this email.\n",

  // Errors about accounts, signing in, passwords and roles.
  "errors.email_taken": "An account with this email address already exists. Sign in or reset your password",
  "errors.sign_in_failed": "Enter a correct email address and password",
  "errors.sign_in_rate_limited": "Too many failed attempts to sign in. Wait {minutes} minutes and try again, or reset your password",
  "errors.link_not_valid": "This link has expired or has already been used. Ask for a new one",
  "errors.current_password_wrong": "Enter your current password correctly",
  "errors.password_unchanged": "Your new password must be different from your current password",
  "errors.unknown_role": "Select a role from the list ({role} is not a role)",
  "errors.unknown_organisation": "Select an organisation from the list",
  "errors.organisation_required": "Select the organisation this role belongs to",
  "errors.organisation_not_allowed": "This role is not held for an organisation. Select no organisation",
  "errors.organisation_kind_wrong": "This role cannot be held at that kind of organisation. Select another organisation",
  "errors.role_already_held": "The person already has this role",
  "errors.last_admin": "You cannot remove the last administrator",
} as const;
