namespace DataOps.Functions.Access;

/// <summary>How callers sign in (<c>DataOps:Auth</c>).</summary>
public sealed class AccessOptions
{
    public const string SectionName = "DataOps:Auth";

    /// <summary>The audience when none is configured.</summary>
    public const string DefaultAudience = "api://dataops";

    /// <summary>
    /// The Entra ID authority whose tokens are accepted, e.g. <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>;
    /// empty: no Entra ID tokens are accepted.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must carry: the app registration's Application ID URI.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>
    /// The app registration's client id, also accepted as audience (v2.0 access tokens carry it instead of the
    /// Application ID URI); optional.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// A base64 key (at least 32 bytes) that signs development tokens (HS256, issuer <c>dataops-dev</c>). Only when it is
    /// set are such tokens accepted; never set it in a deployment.
    /// </summary>
    public string? DevSigningKey { get; set; }

    /// <summary>
    /// True only when the app runs behind App Service Authentication, which validates the caller and replaces any
    /// client-sent <c>X-MS-CLIENT-PRINCIPAL</c>: then that header names the caller. Otherwise it is ignored.
    /// </summary>
    public bool AppServiceAuthentication { get; set; }

    /// <summary>The audiences a token may carry.</summary>
    public IReadOnlyList<string> Audiences => string.IsNullOrWhiteSpace(ClientId) ? [Audience] : [Audience, ClientId];
}
