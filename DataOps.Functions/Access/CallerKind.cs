namespace DataOps.Functions.Access;

/// <summary>How a caller proved who it is.</summary>
public enum CallerKind
{
    /// <summary>A function key: a machine caller such as the journey orchestration, with operator rights.</summary>
    FunctionKey,

    /// <summary>An Entra ID bearer token (or a development token) validated by the app.</summary>
    BearerToken,

    /// <summary>The principal App Service Authentication validated and passed in <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    AppServicePrincipal,
}
