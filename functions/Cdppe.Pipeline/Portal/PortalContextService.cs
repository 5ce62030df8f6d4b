using System.Globalization;
using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// Builds <see cref="PortalContext"/>. The years offered are those the département's contracts cover (a year no
/// contract covers has no period: its report is refused), or, before any plan is dropped, the years its drops hold.
/// The year shown is the one asked for, else the latest year offered that has data, else the latest offered, else
/// last year.
/// </summary>
public sealed class PortalContextService(PortalReader reader, ContractService contracts, TimeProvider clock)
{
    /// <param name="departement">The département asked for (already checked against the user's scope), or null.</param>
    /// <param name="allowed">The user's départements, or null for a national user (every département with drops).</param>
    /// <param name="year">The year asked for, or null.</param>
    public async Task<PortalContext> BuildAsync(Departement? departement, IReadOnlyList<string>? allowed, int? year, CancellationToken cancellationToken = default)
    {
        var choices = allowed is null
            ? await reader.DepartementsAsync(cancellationToken)
            : allowed.Select(c => Departement.TryParse(c, out var d) ? d : null).OfType<Departement>().ToList();
        var shown = departement ?? (choices.Count > 0 ? choices[0] : null);
        var withData = shown is { } s ? await YearsAsync(s, cancellationToken) : [];
        var covered = shown is { } c ? ContractCoverage.Years(await contracts.ListAsync(c.Code, cancellationToken)) : [];
        var years = covered.Count > 0 ? covered : withData;
        var fallback = clock.GetLocalNow().Year - 1;
        return new PortalContext(
            shown?.Code,
            shown is { } n ? ReferenceData.DepartementName(n) : null,
            year ?? years.Where(withData.Contains).Concat(years).Cast<int?>().FirstOrDefault() ?? fallback,
            years.Count > 0 ? years : [fallback],
            choices.Select(c => new DepartementChoice(c.Code, ReferenceData.DepartementName(c))).ToList(),
            ReportKinds.All);
    }

    /// <summary>The years the département's accepted drops hold, newest first (none after next year).</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(Departement departement, CancellationToken cancellationToken = default)
    {
        var last = clock.GetLocalNow().Year + 1;
        return (await reader.IngestionsAsync(departement, cancellationToken))
            .Where(r => r.Status == IngestionStatus.Accepted)
            .SelectMany(r => r.Years)
            .Select(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(y => y >= Years.First && y <= last)
            .Distinct()
            .OrderDescending()
            .ToList();
    }
}
