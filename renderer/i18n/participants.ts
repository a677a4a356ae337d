/** UI text of the participant register and the import (Indonesian first). */
export const participantsText = {
  id: {
    title: 'Daftar peserta',
  },
  en: {
    title: 'Participant register',
  } satisfies Record<string, string>,
};
