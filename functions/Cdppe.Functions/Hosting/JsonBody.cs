using System.Text.Json;

namespace Cdppe.Functions.Hosting;

/// <summary>A small JSON body, read no further than a limit whatever length it announces.</summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the 400 to answer (too long, not JSON of that shape).</summary>
    public static async Task<(T? Value, IActionResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        var body = new byte[maxBytes + 1];
        var read = 0;
        for (var n = -1; n != 0 && read < body.Length; read += n)
        {
            n = await request.Body.ReadAsync(body.AsMemory(read), cancellationToken);
        }

        if (read > maxBytes)
        {
            return (null, Problems.BadRequest($"Corps de requête trop long (au plus {maxBytes / 1024} Ko)."));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body.AsSpan(0, read), JsonSerializerOptions.Web) is { } value
                ? (value, null)
                : (null, Problems.BadRequest("Le corps de la requête doit être un objet JSON."));
        }
        catch (JsonException)
        {
            return (null, Problems.BadRequest("Le corps de la requête n'est pas du JSON valide."));
        }
    }
}
