// The national page's campaigns: every département's campaign of the year with its state, filtered by state, the
// last package to download, the remarks in progress; each opens on the département's Campagne page.
import { el, fill, fr, badge, alertBox, apiJson, pageLink, table } from './common.js';

const states = [['', 'Tous les états'], ['en-preparation', 'En préparation'], ['transmis', 'Transmis'], ['en-instruction', 'En instruction'], ['a-completer', 'À compléter'], ['valide', 'Validé']];

/** The section « Campagnes » of the national page for `year`. */
export async function campaignsSection(year) {
  const section = el('section', { id: 'campagnes' }, el('h2', {}, `Campagnes ${year}`));
  let list;
  try {
    list = await apiJson('campagnes?annee=' + encodeURIComponent(year));
  } catch (error) {
    section.append(alertBox('erreur', el('p', {}, error.message)));
    return section;
  }
  const filter = el('select', { id: 'filtre-etat' }, states.map(([value, label]) => el('option', { value }, label)));
  const holder = el('div', {});
  const draw = () => {
    const shown = list.filter((c) => !filter.value || c.etat === filter.value);
    fill(holder, shown.length === 0 ? el('p', {}, 'Aucune campagne dans cet état.')
      : table(`Campagnes ${year} par département`, ['Département', 'État', 'Tour', 'Mise à jour', 'Remarques en cours', 'Dernier paquet'], shown.map((c) => [
        el('a', { href: pageLink('/campagne', { departement: c.departement, annee: year }) }, c.departement),
        badge(c.etatLibelle),
        fr.number(c.tour),
        fr.dateTime(c.misAJourLe),
        fr.number(c.remarquesEnCours),
        c.dernierPaquet ? el('a', { href: `/api/portal/campagne/paquets/${encodeURIComponent(c.dernierPaquet)}?departement=${encodeURIComponent(c.departement)}&annee=${year}`, download: true }, c.dernierPaquet) : '',
      ]), { numeric: [2, 4] }));
  };
  filter.addEventListener('change', draw);
  draw();
  section.append(el('div', { className: 'filtres' }, el('div', { className: 'champ' }, el('label', { for: 'filtre-etat' }, 'Filtrer par état'), filter)), holder);
  return section;
}
