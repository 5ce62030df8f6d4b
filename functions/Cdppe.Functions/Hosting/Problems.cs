using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Hosting;

/// <summary>RFC 9457 problem details with a French <c>detail</c> for users; never a stack trace.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Requête invalide");

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Introuvable");

    public static IResult Conflict(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflit");

    public static IResult Unprocessable(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Traitement impossible");

    /// <summary>422 for a user template that cannot be used: every error, in French, with its tag and where it is.</summary>
    public static IResult InvalidTemplate(Cdppe.Pipeline.Reporting.InvalidReportTemplateException ex)
    {
        var errors = ex.Errors.Select(e => new Dictionary<string, object?>
        {
            ["code"] = e.Code,
            ["balise"] = e.Tag,
            ["emplacement"] = e.Location?.ToString(),
            ["message"] = e.Message,
        }).ToList();
        var detail = $"Le modèle « {ex.TemplateSource} » ne peut pas être utilisé ({ex.Errors.Count} erreur{(ex.Errors.Count > 1 ? "s" : string.Empty)}) : "
            + string.Join(" ; ", ex.Errors.Select(e => e.ToString()))
            + " Corrigez-le dans Word puis déposez-le à nouveau, ou supprimez-le pour revenir au modèle intégré.";
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Modèle de rapport invalide", extensions: new Dictionary<string, object?> { ["template"] = ex.TemplateSource, ["errors"] = errors });
    }

    public static IResult Forbidden(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé");

    public static IResult Unauthorized(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Non autorisé");

    /// <summary>Parses the <c>departement</c> query value, or gives the 400 to return.</summary>
    public static bool TryDepartement(string? value, out Departement departement, out IResult? problem)
    {
        if (Departement.TryParse(value, out var parsed))
        {
            departement = parsed.Value;
            problem = null;
            return true;
        }

        departement = default;
        problem = BadRequest(value is null ? "Le paramètre « departement » est obligatoire (code INSEE, par exemple 77)." : Departement.InvalidMessage(value));
        return false;
    }
}
