namespace Cdppe.Functions.Portal;

/// <summary>How a person signed in: a key on the sign-in page, or Microsoft Entra ID through App Service Authentication.</summary>
public enum SignInMode
{
    Key,
    Entra,
}
