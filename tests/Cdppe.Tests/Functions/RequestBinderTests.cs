using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cdppe.Tests.Functions;

/// <summary>The one binder of every function: what it reads, and the French problem of the first wrong parameter.</summary>
public sealed class RequestBinderTests
{
    private static HttpRequest Request(string query, params (string Name, string Value)[] route)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        foreach (var (name, value) in route)
        {
            context.Request.RouteValues[name] = value;
        }

        return context.Request;
    }

    private static (int? Status, string? Detail) Problem(RequestBinder bind) =>
        bind.Problem is ObjectResult { Value: ProblemDetails problem } result ? (result.StatusCode, problem.Detail) : (null, null);

    [Fact]
    public void ReadsTheDepartementAndTheYearFromTheQueryAndTheRoute()
    {
        var bind = new RequestBinder(Request("?departement=2a", ("year", "2022")));

        var departement = bind.Departement();
        var year = bind.Year("year");

        Assert.Null(bind.Problem);
        Assert.Equal("2A", departement.Code);
        Assert.Equal(2022, year);
    }

    [Fact]
    public void TheFirstWrongParameterIsTheProblemAndLaterReadsDoNotReplaceIt()
    {
        var bind = new RequestBinder(Request("?annee=1999&departement=2C"));

        bind.Year();
        var departement = bind.Departement();

        Assert.Equal((400, "« 1999 » n'est pas une année valide (attendu : une année sur quatre chiffres, par exemple 2022)."), Problem(bind));
        Assert.Equal(default, departement);
    }

    [Fact]
    public void AMissingDepartementIsNamedAndAnAbsentOrEmptyOptionalOneIsNull()
    {
        var missing = new RequestBinder(Request("?annee=2022"));
        missing.Departement();
        var optional = new RequestBinder(Request("?departement=&annee="));

        Assert.Equal((400, "Le paramètre « departement » est obligatoire (code INSEE, par exemple 77)."), Problem(missing));
        Assert.Null(optional.OptionalDepartement());
        Assert.Null(optional.OptionalYear());
        Assert.Null(optional.OptionalMonth());
        Assert.Null(optional.Problem);
    }

    [Fact]
    public void MonthsAndRangesOfMonthsAreCheckedWithTheirOwnText()
    {
        var month = new RequestBinder(Request("?month=2022-13"));
        month.OptionalMonth();
        var range = new RequestBinder(Request("?from=2022-12&to=2022-01"));
        range.Months();
        var good = new RequestBinder(Request("?from=2022-01&to=2022-12"));

        Assert.Equal((400, "« 2022-13 » n'est pas un mois valide (attendu : AAAA-MM, par exemple 2022-06)."), Problem(month));
        Assert.Equal((400, "Les paramètres « from » et « to » sont obligatoires, au format AAAA-MM, avec from ≤ to (par exemple from=2022-01&to=2022-12)."), Problem(range));
        Assert.Equal("2022-01..2022-12", $"{good.Months().From}..{good.Months().To}");
    }

    [Fact]
    public void AnUnknownWorkbookKindIsRefusedWithTheKnownOnes()
    {
        var bind = new RequestBinder(Request(string.Empty, ("kind", "budget")));

        Assert.Equal("budget", bind.Kind());
        Assert.Equal(
            (400, "« budget » n'est pas un type de classeur connu (types : plan-action, synthese-objectifs, tableau-de-bord, annexe-2-1, rapport-financier, bilans-fiches, suivi-mensuel)."),
            Problem(bind));
    }

    [Fact]
    public void AScopeRefusesADepartementOutsideItAndARefusedBinderReadsNothing()
    {
        var scoped = new RequestBinder(Request("?departement=93"), scope: d => d.Code == "77" ? null : Problems.Forbidden($"Hors périmètre : {d.Code}."));
        scoped.Departement();
        var refused = new RequestBinder(Request("?departement=77&annee=abc"), Problems.Unauthorized("Connectez-vous."));
        refused.Departement();
        refused.Year();

        Assert.Equal((403, "Hors périmètre : 93."), Problem(scoped));
        Assert.Equal((401, "Connectez-vous."), Problem(refused));
    }

    [Fact]
    public void EveryRefusalOfAUseCaseMapsToItsStatusWithItsText()
    {
        var notFound = Answers.From(new Outcome<string>(Refusal.NotFound, "Rien ici."), _ => new OkResult());
        var tooLarge = Answers.From(new Outcome<string>(Refusal.TooLarge, "Trop gros."), _ => new OkResult());
        var invalid = Answers.From(new Outcome<string>(Refusal.Invalid, "Mal formé."), _ => new OkResult());
        var ok = Answers.From(new Outcome<string>("valeur"), v => new OkObjectResult(v));

        Assert.Equal((404, "Rien ici."), (((ObjectResult)notFound).StatusCode, ((ProblemDetails)((ObjectResult)notFound).Value!).Detail));
        Assert.Equal((413, "Trop gros."), (((ObjectResult)tooLarge).StatusCode, ((ProblemDetails)((ObjectResult)tooLarge).Value!).Detail));
        Assert.Equal((400, "Mal formé."), (((ObjectResult)invalid).StatusCode, ((ProblemDetails)((ObjectResult)invalid).Value!).Detail));
        Assert.Equal("valeur", ((OkObjectResult)ok).Value);
    }
}
