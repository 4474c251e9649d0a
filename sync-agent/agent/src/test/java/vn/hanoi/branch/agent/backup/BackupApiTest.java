package vn.hanoi.branch.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;

class BackupApiTest {
    private static String token(TestAgent agent, Role role) {
        return agent.sessionToken(role);
    }

    private static Response call(TestAgent agent, String method, String token) throws Exception {
        Request.Builder b = new Request.Builder().url(agent.baseUrl() + "/api/v1/backups");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            b.post(RequestBody.create(new byte[0], MediaType.get("application/json")));
        }
        return new OkHttpClient().newCall(b.build()).execute();
    }

    @Test
    void itTakesAndListsBackupsOthersAreRefusedAndTheBackupIsAudited() throws Exception {
        try (TestAgent agent = TestAgent.start(Map.of("backup.interval.hours", "0"))) {
            String it = token(agent, Role.IT);
            try (Response r = call(agent, "GET", it)) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).contains("\"backups\":[]", "\"newest\":null");
            }
            try (Response r = call(agent, "POST", it)) {
                assertThat(r.code()).isEqualTo(201);
                assertThat(r.body().string()).containsPattern("\"file\":\"branch-agent-\\d{8}-\\d{6}\\.db\"");
            }
            try (Response r = call(agent, "GET", it)) {
                String body = r.body().string();
                assertThat(body).containsPattern("\"backups\":\\[\\{[^]]*\"file\":\"branch-agent-");
                assertThat(body).doesNotContain("\"newest\":null");
            }
            try (Response r = call(agent, "POST", token(agent, Role.SUPERVISOR))) {
                assertThat(r.code()).isEqualTo(403);
                assertThat(r.body().string()).contains("message");
            }
            try (Response r = call(agent, "POST", null)) {
                assertThat(r.code()).isEqualTo(401);
            }
            long audited = agent.agent().database().read(c -> {
                try (var st = c.createStatement();
                     var rs = st.executeQuery("SELECT count(*) FROM audit_log WHERE action = 'backup.taken'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(audited).isEqualTo(1);
        }
    }
}
