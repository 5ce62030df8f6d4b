using System.Globalization;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// Reads the parameters of a request for every function, API and portal alike: the département, the year, a month
/// or a range of months, the workbook kind, a route value. A parameter is looked up in the route, then in the
/// query; an optional one that is absent or empty is null. The first wrong parameter sets <see cref="Problem"/>, a
/// 400 with its French text, and every later read returns a default without looking. A binder may start refused
/// (the portal's access check) and may check each département against a scope (the portal user's), so that the
/// same path gives the same problems everywhere. A function binds, then answers <c>bind.Problem</c> or calls its
/// service.
/// </summary>
public sealed class RequestBinder(HttpRequest request, IActionResult? refused = null, Func<Departement, IActionResult?>? scope = null)
{
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    /// <summary>The problem to answer instead of calling the service, or null when every parameter read is right.</summary>
    public IActionResult? Problem { get; private set; } = refused;

    /// <summary>The raw value of a route or query parameter (several query values joined by commas), or null.</summary>
    public string? Value(string name) =>
        request.RouteValues.TryGetValue(name, out var routed) && routed?.ToString() is { } value ? value : request.Query[name];

    /// <summary>The required <c>departement</c> (INSEE code), within the scope when there is one.</summary>
    public Departement Departement()
    {
        var value = Value("departement");
        if (Problem is not null)
        {
            return default;
        }

        if (!Pipeline.Model.Departement.TryParse(value, out var parsed))
        {
            Problem = Problems.BadRequest(value is null ? "Le paramètre « departement » est obligatoire (code INSEE, par exemple 77)." : Pipeline.Model.Departement.InvalidMessage(value));
            return default;
        }

        Problem = scope?.Invoke(parsed.Value);
        return parsed.Value;
    }

    /// <summary>The <c>departement</c> when one is given (then checked as <see cref="Departement()"/>), else null.</summary>
    public Departement? OptionalDepartement() => string.IsNullOrEmpty(Value("departement")) ? null : Departement();

    /// <summary>A required year, 2000 to 2100 (<c>annee</c> unless named otherwise).</summary>
    public int Year(string name = "annee")
    {
        var value = Value(name);
        if (Problem is not null)
        {
            return 0;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear)
        {
            return year;
        }

        Problem = Problems.BadRequest($"« {value} » n'est pas une année valide (attendu : une année sur quatre chiffres, par exemple 2022).");
        return 0;
    }

    /// <summary>The year when one is given (then checked as <see cref="Year"/>), else null.</summary>
    public int? OptionalYear(string name = "annee") => string.IsNullOrEmpty(Value(name)) ? null : Year(name);

    /// <summary>A month (AAAA-MM) when one is given, else null.</summary>
    public YearMonth? OptionalMonth(string name = "month")
    {
        var value = Value(name);
        if (Problem is not null || string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (YearMonth.TryParse(value, out var month))
        {
            return month;
        }

        Problem = Problems.BadRequest($"« {value} » n'est pas un mois valide (attendu : AAAA-MM, par exemple 2022-06).");
        return null;
    }

    /// <summary>The required months <c>from</c> and <c>to</c> (AAAA-MM), from not after to.</summary>
    public (YearMonth From, YearMonth To) Months()
    {
        if (Problem is not null)
        {
            return default;
        }

        if (YearMonth.TryParse(Value("from"), out var from) && YearMonth.TryParse(Value("to"), out var to) && from <= to)
        {
            return (from.Value, to.Value);
        }

        Problem = Problems.BadRequest("Les paramètres « from » et « to » sont obligatoires, au format AAAA-MM, avec from ≤ to (par exemple from=2022-01&to=2022-12).");
        return default;
    }

    /// <summary>The workbook kind of the route (<c>kind</c>), one that has an input workbook.</summary>
    public string Kind()
    {
        var kind = Value("kind") ?? string.Empty;
        if (Problem is null && InputWorkbooks.UnknownKind(kind) is { } unknown)
        {
            Problem = Problems.BadRequest(unknown);
        }

        return kind;
    }
}
