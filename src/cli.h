/* cli.h: what the command line says about itself: the help, the
 * commands and their look-up, where the configuration is found. */
#ifndef DIGEST_CLI_H
#define DIGEST_CLI_H

#include <stdio.h>

/* The synopsis (to standard error after a usage error). */
void	 cli_usage(FILE *);
/* The whole help: commands, options, exit codes, configuration. */
void	 cli_help(FILE *);

/* Whether word is a command: returns it as the table spells it, or
 * NULL.  Otherwise, when word is within two edits of a command and
 * names no existing file, *near is set to that command and the caller
 * refuses it as a mistyped command. */
const char *cli_command(const char *word, const char **near);

/* The index in argv of the first word that is neither an option nor an
 * option's argument, if it comes before any "--"; else 0.  That word
 * is the command, or the first PATH. */
int	 cli_first_word(int argc, char **argv, const char *argopts);

/* The configuration to read: -c FILE, else $DIGEST_CONF, else
 * ./digest.conf when it exists, else the one installed with the
 * program (DIGEST_DATADIR/digest.conf). */
const char *cli_config(const char *opt_c);

#endif
