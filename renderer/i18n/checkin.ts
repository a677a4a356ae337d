/** UI text of the door screen and the self check-in mode (Indonesian first). */
export const checkinText = {
  id: {
    title: 'Daftar hadir',
  },
  en: {
    title: 'Check-in',
  } satisfies Record<string, string>,
};
