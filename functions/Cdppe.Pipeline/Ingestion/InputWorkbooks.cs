using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// The blank input workbook of a kind (<see cref="InputTemplates"/>) for a year, as the API and the portal hand it
/// out: the suivi-mensuel one lists the indicators of the département's current plans, so it needs the département.
/// </summary>
public sealed class InputWorkbooks(IngestionStore ingestions, IndicatorStore indicators)
{
    /// <summary>True for the kind whose workbook is pre-filled with the département's indicators.</summary>
    public static bool NeedsDepartement(string kind) => kind == SuiviMensuelParser.KindName;

    /// <summary>The French refusal of a kind that has no input workbook, or null for a known one.</summary>
    public static string? UnknownKind(string kind) =>
        InputTemplates.Kinds.Contains(kind) ? null : $"« {kind} » n'est pas un type de classeur connu (types : {string.Join(", ", InputTemplates.Kinds)}).";

    /// <summary>The workbook, named <c>modele-{kind}[-{département}]-{year}.xlsx</c>, or the refusal of an unknown kind.</summary>
    public async Task<Outcome<FileDownload>> BuildAsync(string kind, Departement? departement, int year, CancellationToken cancellationToken = default)
    {
        if (UnknownKind(kind) is { } unknown)
        {
            return new(Refusal.Invalid, unknown);
        }

        var listed = new List<IndicatorDefinition>();
        if (NeedsDepartement(kind) && departement is { } dep)
        {
            var current = await indicators.CurrentAsync(await ingestions.HeadAsync(dep.Code, cancellationToken), cancellationToken);
            listed.AddRange(current.Values.OrderBy(i => i.Code, StringComparer.Ordinal));
        }

        var bytes = InputTemplates.Build(kind, year, listed, departement?.Code)!;
        var name = departement is { } d ? $"modele-{kind}-{d.Code}-{year}.xlsx" : $"modele-{kind}-{year}.xlsx";
        return new(new FileDownload(bytes, InputTemplates.ContentType, name));
    }
}
