namespace DataOps.Glean;

/// <summary>What kind of Glean-issued client token <c>Glean:ClientToken</c> is, which decides who a search runs as.</summary>
internal enum GleanClientTokenType
{
    /// <summary>A user-scoped token, issued for <c>Glean:ValidationUser</c>: it searches as that user and sends no act-as header.</summary>
    User,

    /// <summary>A global token (created by a super admin): every search names <c>Glean:ValidationUser</c> in <c>X-Glean-ActAs</c>.</summary>
    Global,
}
