using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// RFC 9457 problem details with a French <c>title</c> and <c>detail</c> for users; never a stack trace. Every
/// error answer of the app comes from here: the functions' own, the key check, exceptions, and the framework's
/// (unknown route, wrong method, too large, too slow), so that one status reads the same whoever produced it.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    private static readonly Dictionary<int, (string Title, string Detail)> ByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = ("Requête invalide", "La requête est mal formée : elle n'a pas pu être lue."),
        [StatusCodes.Status401Unauthorized] = ("Non autorisé", "Clé d'API absente ou invalide."),
        [StatusCodes.Status403Forbidden] = ("Accès refusé", "Cette clé ne donne pas accès à cette ressource."),
        [StatusCodes.Status404NotFound] = ("Introuvable", "Cette adresse ne correspond à aucun service de Cdppe : la liste des routes est dans /api/openapi.json."),
        [StatusCodes.Status405MethodNotAllowed] = ("Méthode non autorisée", "Cette route existe mais n'accepte pas cette méthode HTTP : voir /api/openapi.json."),
        [StatusCodes.Status408RequestTimeout] = ("Délai dépassé", "La requête est arrivée trop lentement : la connexion a été fermée. Réessayez."),
        [StatusCodes.Status409Conflict] = ("Conflit", "La ressource est en cours de modification : réessayez dans une minute."),
        [StatusCodes.Status411LengthRequired] = ("Longueur requise", "La longueur du corps de la requête (Content-Length) est requise."),
        [StatusCodes.Status413PayloadTooLarge] = ("Contenu trop volumineux", WorkbookUploads.BodyTooLargeMessage),
        [StatusCodes.Status414UriTooLong] = ("Adresse trop longue", "L'adresse demandée est trop longue."),
        [StatusCodes.Status415UnsupportedMediaType] = ("Type de contenu non pris en charge", "Le type du contenu envoyé n'est pas pris en charge."),
        [StatusCodes.Status422UnprocessableEntity] = ("Traitement impossible", "La requête est bien formée mais ne peut pas être traitée."),
        [StatusCodes.Status429TooManyRequests] = ("Trop de requêtes", "Trop de requêtes en peu de temps : réessayez dans quelques minutes."),
        [StatusCodes.Status431RequestHeaderFieldsTooLarge] = ("En-têtes trop volumineux", "Les en-têtes de la requête sont trop volumineux."),
        [StatusCodes.Status500InternalServerError] = ("Erreur interne", "Une erreur interne est survenue ; elle a été journalisée. Réessayez, et si elle persiste, signalez-la avec l'heure de la requête."),
        [StatusCodes.Status501NotImplemented] = ("Non disponible", "Ce service n'est pas disponible sur ce serveur."),
        [StatusCodes.Status502BadGateway] = ("Erreur d'un service tiers", "Un service dont dépend la requête a échoué : réessayez."),
        [StatusCodes.Status503ServiceUnavailable] = ("Indisponible", "Le service est momentanément indisponible : réessayez dans une minute."),
        [StatusCodes.Status504GatewayTimeout] = ("Délai dépassé", "Le traitement a dépassé sa durée maximale et a été arrêté : réessayez."),
        [StatusCodes.Status505HttpVersionNotsupported] = ("Version HTTP non prise en charge", "Cette version du protocole HTTP n'est pas prise en charge."),
    };

    public static IActionResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    public static IActionResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static IActionResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    public static IActionResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, detail);

    public static IActionResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, detail);

    public static IActionResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, detail);

    /// <summary>The problem of <paramref name="status"/> with its French title, and its standard detail unless one is given.</summary>
    public static ObjectResult Problem(int status, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var (title, standard) = Describe(status);
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail ?? standard };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { ContentType } };
    }

    /// <summary>French title and standard detail of a status (any 4xx/5xx has one).</summary>
    public static (string Title, string Detail) Describe(int status) =>
        ByStatus.TryGetValue(status, out var known) ? known
        : status >= 500 ? ("Erreur du serveur", $"Le serveur n'a pas pu traiter la requête (code {status}).")
        : ("Requête refusée", $"La requête a été refusée (code {status}).");

    /// <summary>
    /// What an exception escaping an HTTP function answers, in both hosts: the département busy is a 409, a body
    /// that is too large or too slow its own status (413, 408), a report template that cannot be used a 422 with every
    /// error, anything else a 500 without any of its text.
    /// </summary>
    public static ObjectResult ForException(Exception exception) => Causes(exception).FirstOrDefault(e => e is DepartementBusyException or BadHttpRequestException or InvalidReportTemplateException) switch
    {
        BadHttpRequestException bad => Problem(bad.StatusCode),
        InvalidReportTemplateException template => InvalidTemplate(template),
        { } busy => Problem(StatusCodes.Status409Conflict, busy.Message),
        null => Problem(StatusCodes.Status500InternalServerError),
    };

    /// <summary>The exception and those it wraps (an SDK reading the request body wraps what the body threw).</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var cause in inner.SelectMany(Causes))
        {
            yield return cause;
        }
    }

    /// <summary>422 for a user template that cannot be used: every error, in French, with its tag and where it is.</summary>
    public static ObjectResult InvalidTemplate(InvalidReportTemplateException ex)
    {
        var errors = ex.Errors.Select(e => new Dictionary<string, object?>
        {
            ["code"] = e.Code,
            ["balise"] = e.Tag,
            ["emplacement"] = e.Location?.ToString(),
            ["message"] = e.Message,
        }).ToList();
        var summary = $"Le modèle « {ex.TemplateSource} » ne peut pas être utilisé ({ex.Errors.Count} erreur{(ex.Errors.Count > 1 ? "s" : string.Empty)})."
            + (ex.Installed
                ? " Corrigez-le dans Word puis déposez-le à nouveau, ou supprimez-le pour revenir au modèle commun."
                : " Il n'a pas été mis en service : le modèle en vigueur reste le même. Corrigez-le dans Word puis déposez-le à nouveau.");
        var detail = $"{summary} Erreurs : {string.Join(" ; ", ex.Errors.Select(e => e.ToString()))}";
        // "summary": the same without the errors, for a page that lists them apart (each once).
        var result = Problem(StatusCodes.Status422UnprocessableEntity, detail, new Dictionary<string, object?> { ["template"] = ex.TemplateSource, ["summary"] = summary, ["errors"] = errors });
        ((ProblemDetails)result.Value!).Title = "Modèle de rapport invalide";
        return result;
    }

    private static long MegaBytes(long bytes) => bytes / (1024 * 1024);
}
