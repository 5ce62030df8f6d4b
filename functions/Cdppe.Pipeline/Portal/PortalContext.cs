namespace Cdppe.Pipeline.Portal;

/// <summary>
/// What every page's header needs: the département shown (null when a national user has none to show yet), its
/// name, the year shown and the years with data, the départements the user may choose, the workbook kinds.
/// </summary>
public sealed record PortalContext(string? Departement, string? Nom, int Annee, IReadOnlyList<int> Annees, IReadOnlyList<DepartementChoice> Choix, IReadOnlyList<KindLabel> Types);
