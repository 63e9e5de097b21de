// Drives a host's Durable Functions management API with Microsoft's Node.js Durable Functions client
// (durable-functions, pinned in the repository's package.json), given the client binding data the Functions host
// hands a JavaScript function. Usage: node durable-client.js <host base URL> <function key>
// Prints one JSON object with what each call returned; exits non-zero on the first failure.
"use strict";
const df = require("durable-functions");

const [origin, key] = process.argv.slice(2);
const base = `${origin.replace(/\/$/, "")}/runtime/webhooks/durabletask`;
const query = `code=${encodeURIComponent(key)}`;
const clientData = {
    taskHubName: "default",
    creationUrls: {
        createNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?${query}`,
        createAndWaitOnNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${query}`,
    },
    managementUrls: {
        id: "INSTANCEID",
        statusQueryGetUri: `${base}/instances/INSTANCEID?${query}`,
        sendEventPostUri: `${base}/instances/INSTANCEID/raiseEvent/{eventName}?${query}`,
        terminatePostUri: `${base}/instances/INSTANCEID/terminate?reason={text}&${query}`,
        rewindPostUri: `${base}/instances/INSTANCEID/rewind?reason={text}&${query}`,
        purgeHistoryDeleteUri: `${base}/instances/INSTANCEID?${query}`,
        restartPostUri: `${base}/instances/INSTANCEID/restart?${query}`,
        suspendPostUri: `${base}/instances/INSTANCEID/suspend?reason={text}&${query}`,
        resumePostUri: `${base}/instances/INSTANCEID/resume?reason={text}&${query}`,
    },
    baseUrl: base,
    requiredQueryStringParameters: query,
};

// What getClient reads from a function's invocation context: the registered durable client input and its value.
process.env.WEBSITE_HOSTNAME = new URL(origin).host;
const input = df.input.durableClient();
const client = df.getClient({ options: { extraInputs: [input] }, extraInputs: { get: () => clientData } });

async function until(id, statuses) {
    const deadline = Date.now() + 60000;
    for (;;) {
        const status = await client.getStatus(id);
        if (statuses.includes(status.runtimeStatus)) {
            return status;
        }
        if (Date.now() > deadline) {
            throw new Error(`${id} did not reach ${statuses} (last ${status.runtimeStatus})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

async function main() {
    const result = {};
    const started = new Date(Date.now() - 1000);
    const approval = await client.startNew("Approval", { input: { requestedBy: "node" } });
    await until(approval, ["Running"]);
    const running = await client.getStatus(approval, { showHistory: true, showHistoryOutput: true, showInput: true });
    result.input = running.input;
    result.customStatus = running.customStatus;

    await client.suspend(approval, "hold");
    result.suspended = (await until(approval, ["Suspended"])).runtimeStatus;
    await client.resume(approval, "go");
    result.resumed = (await until(approval, ["Running"])).runtimeStatus;
    await client.raiseEvent(approval, "approve", { approver: "node" });
    const completed = await until(approval, ["Completed"]);
    result.output = completed.output;
    // The client (3.5.0) reads a status's history from a "history" field; the extension, as documented, answers
    // "historyEvents", so the history is read from the same status URL directly.
    const statusUri = clientData.managementUrls.statusQueryGetUri.replace("INSTANCEID", approval);
    const withHistory = await (await fetch(`${statusUri}&showHistory=true&showHistoryOutput=true`)).json();
    result.history = (withHistory.historyEvents || []).map((e) => e.EventType);

    const stopped = await client.startNew("Approval", { input: { requestedBy: "node" } });
    await until(stopped, ["Running"]);
    await client.terminate(stopped, "no longer needed");
    const terminated = await until(stopped, ["Terminated"]);
    result.terminated = { status: terminated.runtimeStatus, output: terminated.output };

    const failing = await client.startNew("FeedText", { input: "not a number" });
    await until(failing, ["Failed"]);
    await client.rewind(failing, "try again");
    result.rewound = true;

    const all = await client.getStatusAll();
    result.listed = [approval, stopped, failing].filter((id) => all.some((s) => s.instanceId === id)).length;
    const completedOnly = await client.getStatusBy({ createdTimeFrom: started, runtimeStatus: [df.OrchestrationRuntimeStatus.Completed] });
    result.filtered = completedOnly.map((s) => s.instanceId).filter((id) => [approval, stopped].includes(id));

    result.purgedOne = (await client.purgeInstanceHistory(approval)).instancesDeleted;
    result.purgedByFilter = (await client.purgeInstanceHistoryBy({
        createdTimeFrom: started,
        runtimeStatus: [df.OrchestrationRuntimeStatus.Terminated],
    })).instancesDeleted;
    result.afterPurge = (await client.getStatus(approval).then(() => "found", (e) => "gone: " + e.message)).slice(0, 40);
    process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
});
