using System.Net;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// The product validates as a named user that it makes a beta user of every test datasource; the dataset page says who
/// sees the datasource; a validation user the searches do not run as can never make a dataset READY.
/// </summary>
public sealed class SearchVisibilityEndToEndTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Failed on the old emulator, which showed a test datasource to every search: the dataset became READY.</summary>
    [Fact]
    public async Task Provision_ValidationUserIsNotWhoTheTokenSearchesAs_FailsSayingWhoSearchedAndWhoMaySee()
    {
        // The emulator's client token searches as its own user; the product believes it searches as another one, so it
        // makes that other user the beta user and the searching user sees nothing.
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["Glean:ValidationUser"] = "someone-else@example.com" });

        using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("vis-1", "acme", "ACME", "jira_issues"));
        await app.WaitForCompletionAsync("provision:vis-1:sandbox", TimeSpan.FromSeconds(120));

        var dataset = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("vis-1") }, Ct)).Items.Single();
        Assert.Equal(DatasetStatus.Failed, dataset.Status);
        Assert.Equal([QualityCheckType.SampleQueries], dataset.FailedChecks);
        var detail = await app.GetJsonAsync("api/datasets/" + dataset.Id.Value);
        var check = detail.GetProperty("qualityChecks").EnumerateArray().Single(c => c.GetProperty("checkType").GetString() == "sample_queries");
        var why = check.GetProperty("errors")[0].GetString()!;
        Assert.Contains("none of the 10 queries found any of its expected documents searching as someone-else@example.com (user-scoped token)", why, StringComparison.Ordinal);
        Assert.Contains("seen only by its beta users (someone-else@example.com)", why, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(check.GetProperty("details").GetProperty("missingDocuments").GetString()));
    }

    [Fact]
    public async Task Provision_Sandbox_ReadyWithFindableDocuments_PageShowsWhoSees_AndTeardownHidesItFromAll()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["Glean:Clients:acme:SeTeam"] = "se@example.com" });

        using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("vis-2", "acme", "ACME", "confluence_pages"));
        await app.WaitForCompletionAsync("provision:vis-2:sandbox", TimeSpan.FromSeconds(120));

        var dataset = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("vis-2") }, Ct)).Items.Single();
        Assert.Equal(DatasetStatus.Ready, dataset.Status);
        var detail = await app.GetJsonAsync("api/datasets/" + dataset.Id.Value);
        var connector = detail.GetProperty("connector");
        Assert.Equal("ENABLED_FOR_TEST_GROUP", connector.GetProperty("visibility").GetString());
        Assert.Equal([GleanEmulatorFixture.SearchUser, "se@example.com"], connector.GetProperty("visibleTo").EnumerateArray().Select(e => e.GetString()));
        var datasource = connector.GetProperty("gleanDatasource").GetString()!;
        Assert.Equal([GleanEmulatorFixture.SearchUser, "se@example.com"], (await app.Glean.GetDatasourceAsync(datasource))!.BetaUsers);
        var queries = detail.GetProperty("qualityChecks").EnumerateArray().Single(c => c.GetProperty("checkType").GetString() == "sample_queries");
        Assert.Equal("10", queries.GetProperty("details").GetProperty("succeeded").GetString());
        Assert.Contains("passed; expected [", queries.GetProperty("details").GetProperty("query01").GetString(), StringComparison.Ordinal);

        using (var teardown = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status == DatasetStatus.Archived,
            "the dataset is archived",
            TimeSpan.FromSeconds(90));
        var after = (await app.GetJsonAsync("api/datasets/" + dataset.Id.Value)).GetProperty("connector");
        Assert.Equal("NOT_ENABLED", after.GetProperty("visibility").GetString());
        Assert.Empty(after.GetProperty("visibleTo").EnumerateArray());
        var inGlean = (await app.Glean.GetDatasourceAsync(datasource))!;
        Assert.Equal("NOT_ENABLED", inGlean.Visibility);
        Assert.Empty(inGlean.BetaUsers);
    }

    /// <summary>Failed before: the app started, and the first sandbox dataset found out by failing.</summary>
    [Fact]
    public async Task Start_NoValidationUser_IsRefusedWithTheSettingToSet()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["Glean:ValidationUser"] = string.Empty }));

        Assert.Contains("Glean:ValidationUser is not set", error.Message, StringComparison.Ordinal);
    }
}
