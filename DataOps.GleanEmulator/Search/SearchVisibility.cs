using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.State;

namespace DataOps.GleanEmulator.Search;

/// <summary>
/// What one user may find, as Glean decides it: a datasource's visibility first (every user sees an ordinary
/// datasource, a test datasource is seen by its beta users only, and one without beta users by nobody), then the
/// document's permissions (anonymous access, all users of the datasource, or the user named in <c>allowedUsers</c>).
/// Group membership is not modelled, so <c>allowedGroups</c> admits nobody; a document without permissions is private.
/// </summary>
internal static class SearchVisibility
{
    public static bool CanSee(DatasourceState datasource, string user) =>
        datasource.Config.IsTestDatasource != true || datasource.BetaUsers.Contains(user, StringComparer.OrdinalIgnoreCase);

    public static bool Admits(DocumentPermissions? permissions, string user) =>
        permissions is not null
        && (permissions.AllowAnonymousAccess == true
            || permissions.AllowAllDatasourceUsersAccess == true
            || (permissions.AllowedUsers ?? []).Any(u => string.Equals(u.Email, user, StringComparison.OrdinalIgnoreCase)));
}
