using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Hosting;

/// <summary>RFC 9457 problem details with a French <c>detail</c> for users; never a stack trace.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Requête invalide");

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Introuvable");

    public static IResult Conflict(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflit");

    public static IResult Unprocessable(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Traitement impossible");

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
