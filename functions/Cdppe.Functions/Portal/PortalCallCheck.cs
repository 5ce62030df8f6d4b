using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Portal;

/// <summary>
/// What the checks a portal call starts with give: the user, and the département and year asked for; or the
/// problem to answer instead (<see cref="Problem"/> not null, and nothing else set).
/// </summary>
public sealed record PortalCallCheck(IActionResult? Problem, PortalUser User, Departement Departement = default, int Year = 0)
{
    public static PortalCallCheck Refused(IActionResult problem) => new(problem, null!);
}
