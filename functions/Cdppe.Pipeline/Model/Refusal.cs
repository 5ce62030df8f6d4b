namespace Cdppe.Pipeline.Model;

/// <summary>Why a use case refused a request; each surface turns it into its status (400, 404, 413, 403, 409).</summary>
public enum Refusal
{
    /// <summary>The request asks for something that cannot be done as asked (a wrong name, an empty file).</summary>
    Invalid,

    /// <summary>What is asked for does not exist (no data for the year, no such file).</summary>
    NotFound,

    /// <summary>The content is larger than the limit.</summary>
    TooLarge,

    /// <summary>The person's role does not allow the action (a national reviewer dropping, a département reviewing).</summary>
    Forbidden,

    /// <summary>The action does not fit the current state (transmitting a package already under review).</summary>
    Conflict,
}
