/* Consistent copies of the bank, with SQLite's online backup API. */
#ifndef LPC_BACKUP_H
#define LPC_BACKUP_H

#include "stories/bank.h"

/*
 * Copies the bank to file, consistently even while another process
 * writes.  The copy is made in a temporary file beside file and renamed
 * into place; an existing file is replaced only with force, a symbolic
 * link never.  Returns 0 or -1.
 */
int bank_backup(struct bank *b, const char *file, int force,
    struct buf *err);

#endif
