import DossierCommands

DossierCommand.entry()
