using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Cdppe.Functions.Hosting;
using Microsoft.OpenApi;

namespace Cdppe.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 description of the HTTP API, built from the functions themselves: paths, methods and whether a
/// key is needed from their trigger attributes (the same that <c>functions.metadata</c> and the standalone host
/// use), summaries, parameters and answers from their <c>Api*</c> attributes; every error is a problem detail.
/// </summary>
public static partial class ApiDescription
{
    public const string KeyHeaderScheme = "functionKeyHeader";
    public const string KeyQueryScheme = "functionKeyQuery";
    public const string ProblemSchema = "ProblemDetails";

    private static readonly Lazy<string> Serialized = new(() => Build().SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult());

    /// <summary>The document as served by <see cref="Functions.GetOpenApiDocument"/>.</summary>
    public static string Json => Serialized.Value;

    public static OpenApiDocument Build()
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Cdppe",
                Version = typeof(ApiDescription).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                Description = "Ingestion of CDPPE workbooks, monthly consolidation and the annual rapport d'exécution. "
                    + "Every route but the anonymous ones needs a key (header x-functions-key or query code). Errors are RFC 9457 problem details with a French detail.",
            },
            Paths = [],
            Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "ingestion", Description = "Dropping workbooks and following their ingestion." },
                new() { Name = "consolidation", Description = "Monthly snapshots of the indicators." },
                new() { Name = "reports", Description = "The rapport d'exécution and its Word template." },
                new() { Name = "exports", Description = "The workbooks a département sends the State, filled in from its data." },
                new() { Name = "campagnes", Description = "The yearly campaign with the State: transmissions (frozen packages), reviews and remarks, the journal." },
                new() { Name = "service", Description = "Health and this description." },
            },
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema> { [ProblemSchema] = Problem() },
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [KeyHeaderScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyCheck.HeaderName, Description = "A function key in Azure; Cdppe__ApiKey or a key scoped to départements (Cdppe__Keys__*) in the standalone host." },
                    [KeyQueryScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = ApiKeyCheck.QueryName, Description = "The same key in the query string (it then ends up in proxies' logs: prefer the header)." },
                },
            },
        };

        foreach (var function in Described.OrderBy(f => f.RouteTemplate, StringComparer.Ordinal))
        {
            var path = "/" + function.RouteTemplate;
            if (!document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[path] = item;
            }

            foreach (var method in function.Methods)
            {
                ((OpenApiPathItem)item).AddOperation(new HttpMethod(method), Operation(document, function, method));
            }
        }

        return document;
    }

    /// <summary>The HTTP functions of the API for scripts: the portal's pages and calls (docs/portal.md) are for its own pages.</summary>
    public static IEnumerable<DeclaredFunction> Described => FunctionCatalog.Http.Where(f => f.Class.Namespace != typeof(Portal.PortalCall).Namespace && !f.IsCatchAll);

    /// <summary>The names in braces of a route template (<c>{year}</c>, <c>{kind:alpha}</c> → year, kind).</summary>
    public static IReadOnlyList<string> RouteParameters(string route) =>
        [.. RouteParameter().Matches(route).Select(m => m.Groups["name"].Value)];

    private static OpenApiOperation Operation(OpenApiDocument document, DeclaredFunction function, string method)
    {
        var doc = function.Method.GetCustomAttribute<ApiOperationAttribute>()
            ?? throw new InvalidOperationException($"{function.Name} has no [ApiOperation]: describe it for the API description.");
        var parameters = function.Method.GetCustomAttributes<ApiParameterAttribute>().ToList();
        var inPath = RouteParameters(function.Route);
        var operation = new OpenApiOperation
        {
            OperationId = function.Methods.Count > 1 ? function.Name + method[0] + method[1..].ToLowerInvariant() : function.Name,
            Summary = doc.Summary,
            Description = doc.Description,
            Tags = new HashSet<OpenApiTagReference> { new(doc.Tag, document) },
            Parameters = [.. parameters.Select(p => (IOpenApiParameter)new OpenApiParameter
            {
                Name = p.Name,
                In = inPath.Contains(p.Name) ? ParameterLocation.Path : ParameterLocation.Query,
                Required = p.Required || inPath.Contains(p.Name),
                Description = p.Description,
                Example = p.Example is null ? null : System.Text.Json.Nodes.JsonValue.Create(p.Example),
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            })],
            Responses = [],
        };
        if (function.Method.GetCustomAttribute<ApiRequestBodyAttribute>() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = body.Description,
                Content = new Dictionary<string, IOpenApiMediaType> { [body.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } } },
            };
        }

        foreach (var response in function.Method.GetCustomAttributes<ApiResponseAttribute>())
        {
            operation.Responses[Code(response.Status)] = response.Status >= 400 && response.ContentType is null
                ? ProblemResponse(document, response.Description)
                : new OpenApiResponse
                {
                    Description = response.Description,
                    Content = response.ContentType is null ? null : new Dictionary<string, IOpenApiMediaType> { [response.ContentType] = new OpenApiMediaType() },
                };
        }

        var errors = new List<(int Status, string Description)> { (500, "Internal error (logged; the detail says nothing of it).") };
        if (parameters.Count > 0)
        {
            errors.Add((400, "A parameter is missing or invalid; the detail says which, in French."));
        }

        if (!function.IsAnonymous)
        {
            errors.Add((401, "No key, or a key the app does not know."));
            errors.Add((403, "A key scoped to other départements."));
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyHeaderScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyQueryScheme, document)] = [] },
            ];
        }

        foreach (var (status, description) in errors)
        {
            operation.Responses.TryAdd(Code(status), ProblemResponse(document, description));
        }

        return operation;
    }

    private static OpenApiResponse ProblemResponse(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { [Problems.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) } },
    };

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; title and detail in French.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        Required = new HashSet<string> { "title", "status", "detail" },
    };

    private static string Code(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();
}
