<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Community Desk</source>
        <translation>关于社区诉求工作台</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Built %1</source>
        <translation>构建于 %1</translation>
    </message>
    <message>
        <source>development build</source>
        <translation>开发版本</translation>
    </message>
    <message>
        <source>Where this desk keeps its files</source>
        <translation>本工作台的文件位置</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cannot open the folder</source>
        <translation>无法打开文件夹</translation>
    </message>
    <message>
        <source>This computer has no program to show folders. The folder is:
%1</source>
        <translation>这台电脑没有可以打开文件夹的程序。文件夹位置：
%1</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>At least %1 characters, not only digits.</source>
        <translation>至少 %1 个字符，不能全是数字。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Give the password to the person; they choose their own at their first sign-in.</source>
        <translation>把密码交给本人；本人首次登录时须改为自己的密码。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>The administrator adds the other workers&apos; accounts and changes the desk&apos;s settings.</source>
        <translation>管理员负责添加其他工作人员的账号，并修改工作台设置。</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>This desk already has accounts: sign in with one of them once it is set up.</source>
        <translation>本工作台已有账号：设置完成后请用已有账号登录。</translation>
    </message>
    <message>
        <source>At least %1 characters, not only digits. Choose one that others cannot guess, and keep it safe.</source>
        <translation>至少 %1 个字符，不能全是数字。请选用别人猜不到的密码，并妥善保管。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Access audit — %1</source>
        <translation>访问审计 — %1</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>The desk (nobody signed in)</source>
        <translation>本工作台（无人登录时）</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部诉求</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export xlsx…</source>
        <translation>导出 xlsx(&amp;E)…</translation>
    </message>
    <message>
        <source>Every entry the filters match (Ctrl+E)</source>
        <translation>导出符合筛选条件的全部记录（Ctrl+E）</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>提醒函</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>%1 (cases: %2)</source>
        <translation>%1（共 %2 件）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>诉求编号</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>涉及对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Entries are kept at least %1 days and cannot be changed.</source>
        <translation>审计记录至少保存 %1 天，不可修改。</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>Case &amp;number</source>
        <translation>诉求编号(&amp;N)</translation>
    </message>
    <message>
        <source>Reading the audit…</source>
        <translation>正在读取审计记录…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>已显示 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 条记录写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; scroll down for older ones</source>
        <translation>；向下滚动查看更早的记录</translation>
    </message>
    <message>
        <source>Access audit</source>
        <translation>访问审计</translation>
    </message>
    <message>
        <source>This desk does not have case %1.</source>
        <translation>本工作台没有诉求 %1。</translation>
    </message>
    <message>
        <source>Export the access audit</source>
        <translation>导出访问审计</translation>
    </message>
    <message>
        <source>Writing the xlsx…</source>
        <translation>正在写入 xlsx…</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Community Desk backups (*%1)</source>
        <translation>社区诉求工作台备份 (*%1)</translation>
    </message>
    <message>
        <source>Back up the desk</source>
        <translation>备份工作台</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The desk was backed up to
%1

Size: %2</source>
        <translation>本工作台已备份到
%1

大小：%2</translation>
    </message>
    <message>
        <source>Backup cancelled</source>
        <translation>备份已取消</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>备份已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The backup could not be made: %1</source>
        <translation>无法完成备份：%1</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backing up the desk…</source>
        <translation>正在备份工作台…</translation>
    </message>
</context>
<context>
    <name>CallMeetingDialog</name>
    <message>
        <source>Call a council meeting</source>
        <translation>召集党群议事会</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Convener</source>
        <translation>召集人</translation>
    </message>
    <message>
        <source>Departments summoned</source>
        <translation>应到部门</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求分类</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Conflicts to look at</source>
        <translation>待核查的冲突</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>What</source>
        <translation>办理内容</translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理轨迹</translation>
    </message>
    <message>
        <source>under special supervision</source>
        <translation>专项督办中</translation>
    </message>
    <message numerus="yes">
        <source>raised %n more time(s)</source>
        <translation>
            <numerusform>重复诉求 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>已于 %1 办结</translation>
    </message>
    <message>
        <source>Signing: %1</source>
        <translation>签收：%1</translation>
    </message>
    <message>
        <source>Deadline %1 — %2</source>
        <translation>办结时限 %1 — %2</translation>
    </message>
    <message>
        <source>(due soon)</source>
        <translation>（即将超期）</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>（智能分拨）</translation>
    </message>
    <message>
        <source>split from %1</source>
        <translation>由 %1 拆分</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将超期</translation>
    </message>
    <message>
        <source>Overdue or due soon</source>
        <translation>已超期或即将超期</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation>搜索“%1”</translation>
    </message>
    <message>
        <source>registered %1 to %2</source>
        <translation>登记于 %1 至 %2</translation>
    </message>
    <message>
        <source>No case matches these filters: %1. Clear filters to see every case.</source>
        <translation>没有符合这些筛选条件的诉求：%1。点“清除筛选”可查看全部诉求。</translation>
    </message>
    <message numerus="yes">
        <source>≥ %n case(s), counting…</source>
        <translation>
            <numerusform>≥ %n 件，正在计数…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Search: case number, phone or its last 4 digits, words of the request</source>
        <translation>搜索：受理编号、电话号码或其后4位、诉求内容关键词</translation>
    </message>
    <message>
        <source>Mine only</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>受理日期从</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Council-meeting resolutions overdue or due soon</source>
        <translation>议事会议定事项：已超期或即将到期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求分类</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <source>Case number</source>
        <translation>诉求编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as a model case…</source>
        <translation>标为典型案例…</translation>
    </message>
    <message>
        <source>Model case</source>
        <translation>典型案例</translation>
    </message>
    <message>
        <source>Why is this a model case?</source>
        <translation>为什么选为典型案例？</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>Type to search: 噪音, zy, noise, 0101…</source>
        <translation>输入中文、拼音首字母、英文或编码搜索：噪音、zy、noise、0101…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Your password was reset by an administrator: choose your own before you continue.</source>
        <translation>您的密码已被管理员重置：请先设置自己的密码再继续。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>CloseResolutionDialog</name>
    <message>
        <source>Resolution done</source>
        <translation>事项办结</translation>
    </message>
    <message numerus="yes">
        <source>Also resolve the meeting&apos;s %n open case(s) with this answer</source>
        <translation>
            <numerusform>同时以此结果办结本次会议关联的 %n 件未办结诉求</numerusform>
        </translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Community Desk — unexpected error</source>
        <translation>社区诉求工作台 — 意外错误</translation>
    </message>
    <message>
        <source>Community Desk ran into an unexpected error and could not finish what it was doing.</source>
        <translation>社区诉求工作台遇到意外错误，未能完成当前操作。</translation>
    </message>
    <message>
        <source>The details were written to the log file below. If it happens again, send that file to whoever supports this desk. You can continue working, but save what you are doing first.</source>
        <translation>详细信息已写入下面的日志文件。如果再次发生，请把该文件发给本工作台的技术支持人员。您可以继续工作，但请先保存手头的工作。</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>显示详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open log folder</source>
        <translation>打开日志文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>继续(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>隐藏详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>%1 more errors since; they are in the log too.</source>
        <translation>此后又发生 %1 个错误，也已记录在日志中。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>Last %n week(s)</source>
        <translation>
            <numerusform>近 %n 周</numerusform>
        </translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>按社区</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Dashboard of %1</source>
        <translation>%1 数据看板</translation>
    </message>
    <message>
        <source>Requests per week, by category</source>
        <translation>每周诉求量（按类别）</translation>
    </message>
    <message>
        <source>Requests per week, by community</source>
        <translation>每周诉求量（按社区）</translation>
    </message>
    <message>
        <source>Signing timeliness and completion over time</source>
        <translation>签收及时率与办结率趋势</translation>
    </message>
    <message>
        <source>Department scores (last four weeks)</source>
        <translation>部门考核得分（近四周）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>近4周</translation>
    </message>
    <message>
        <source>Expected, next 4 weeks</source>
        <translation>预计未来4周</translation>
    </message>
    <message>
        <source>Same 4 weeks last year</source>
        <translation>去年同期4周</translation>
    </message>
    <message>
        <source>Expected to rise (预计上升) in the next four weeks</source>
        <translation>未来四周预计上升（未诉先办）</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>No requests in these weeks.</source>
        <translation>这几周没有诉求。</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>全部诉求</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Signing timeliness</source>
        <translation>签收及时率</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>办结率</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Hot-spot map: requests of the weeks shown</source>
        <translation>热点地图：所选周数内的诉求</translation>
    </message>
    <message>
        <source>Method: the same weeks of earlier years (±2 weeks) times the recent trend; flagged when at least 3 requests and 1.5 times the last four weeks are expected. Replayed on the past year: %1 flags, %2 came true (%3%); rises happened in %4% of all category-community-weeks.</source>
        <translation>方法：往年同期（前后2周）平均量 × 近期趋势；预计至少3件且达到近四周1.5倍时提示“预计上升”。按过去一年逐周回放：共提示 %1 次，其中 %2 次应验（%3%）；所有“类别×社区×周”中实际上升的占 %4%。</translation>
    </message>
    <message>
        <source>Foresight needs at least a year of history.</source>
        <translation>预测需要至少一年的历史数据。</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>This desk</source>
        <translation>本工作台</translation>
    </message>
    <message>
        <source>Name the desk, give it the code the centre assigned, and choose the community or street it serves.</source>
        <translation>填写工作台名称和中心分配的编码，并选择它服务的社区或街道。</translation>
    </message>
    <message>
        <source>Desk &amp;name</source>
        <translation>工作台名称(&amp;N)</translation>
    </message>
    <message>
        <source>Desk &amp;code</source>
        <translation>工作台编码(&amp;C)</translation>
    </message>
    <message>
        <source>Community or &amp;street</source>
        <translation>所属社区或街道(&amp;S)</translation>
    </message>
    <message>
        <source>e.g. Pengwan Community Service Centre</source>
        <translation>例如：鹏湾社区党群服务中心</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>This desk was set up before, but it has no administrator yet; only the administrator is left to create.</source>
        <translation>本工作台此前已设置，但还没有管理员；只需再创建管理员。</translation>
    </message>
    <message>
        <source>The desk code begins every case number this desk issues, and it cannot be changed later.</source>
        <translation>工作台编码是本工作台所有诉求编号的开头，设置后不能更改。</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>Not restored</source>
        <translation>未能恢复</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The backup was restored. The data it replaced is kept in %1. Community Desk will now close; please start it again.</source>
        <translation>备份已恢复。被替换的原有数据保存在 %1。社区诉求工作台现在将关闭，请重新启动。</translation>
    </message>
    <message>
        <source>This recovery key does not open the database. Check it and try again.</source>
        <translation>此恢复密钥无法打开数据库。请核对后重试。</translation>
    </message>
    <message>
        <source>Opening the desk&apos;s database…
Upgrading or encrypting a large database can take a few minutes. Please wait.</source>
        <translation>正在打开本台数据库…
升级或加密大型数据库可能需要几分钟，请稍候。</translation>
    </message>
    <message>
        <source>Community Desk is already open on this computer for this data. Its window was brought to the front; use that one.</source>
        <translation>本机已有一个社区工作台正在使用这份数据。已把它的窗口调到最前，请使用那个窗口。</translation>
    </message>
</context>
<context>
    <name>DutyRoster</name>
    <message>
        <source>Deputy&apos;s name</source>
        <translation>代表姓名</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Put on duty</source>
        <translation>安排值班</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with the central platform</source>
        <translation>接入中心平台</translation>
    </message>
    <message>
        <source>Centre address</source>
        <translation>中心平台地址</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>接入码</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>接入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Ask the centre for a one-time code for this desk (%1).</source>
        <translation>请向中心平台申领本工作台（%1）的一次性接入码。</translation>
    </message>
    <message>
        <source>Enter the centre&apos;s address (https://…) and the code.</source>
        <translation>请填写中心平台地址（https://…）和接入码。</translation>
    </message>
    <message>
        <source>Contacting the centre…</source>
        <translation>正在连接中心平台…</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>The central platform</source>
        <translation>中心平台</translation>
    </message>
    <message>
        <source>An enrolled desk sends its cases to the centre and receives the centre&apos;s assignments. Until it is enrolled, it works alone on this computer.</source>
        <translation>接入后，工作台会把诉求报送中心，并接收中心的交办。接入之前，它只在这台电脑上单独工作。</translation>
    </message>
    <message>
        <source>&amp;Enrol with the central platform now</source>
        <translation>现在接入中心平台(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Work offline for now (enrol later from the Desk menu)</source>
        <translation>暂时离线工作（以后可从“工作台”菜单接入）(&amp;W)</translation>
    </message>
    <message>
        <source>Centre &amp;address</source>
        <translation>中心地址(&amp;A)</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>一次性接入码(&amp;C)</translation>
    </message>
    <message>
        <source>The desk has been set up and works offline. Correct the address or the code and try again, or continue offline and enrol later from the Desk menu.</source>
        <translation>工作台已设置完成，目前离线工作。请更正地址或接入码后重试，或继续离线工作，以后再从“工作台”菜单接入。</translation>
    </message>
    <message>
        <source>Finish creates the administrator account “%4” for the desk “%1” (%2).</source>
        <translation>点击完成后，将为工作台“%1”（%2）创建管理员账号“%4”。</translation>
    </message>
    <message>
        <source>Finish creates the desk “%1” (%2) in %3.</source>
        <translation>点击完成后，将在%3创建工作台“%1”（%2）。</translation>
    </message>
    <message>
        <source>Finish creates the desk “%1” (%2) in %3 and the administrator account “%4”.</source>
        <translation>点击完成后，将在%3创建工作台“%1”（%2）和管理员账号“%4”。</translation>
    </message>
    <message>
        <source>Enter the centre&apos;s address, beginning with https://</source>
        <translation>请输入中心地址，以 https:// 开头</translation>
    </message>
    <message>
        <source>Plain http:// would send the desk&apos;s token and the residents&apos; data unencrypted: enter the centre&apos;s https:// address.</source>
        <translation>明文 http:// 会以未加密方式发送工作台令牌和居民数据：请输入中心的 https:// 地址。</translation>
    </message>
    <message>
        <source>Enter the one-time code the centre gave you.</source>
        <translation>请输入中心提供的一次性接入码。</translation>
    </message>
    <message>
        <source>Contacting the centre…</source>
        <translation>正在联系中心…</translation>
    </message>
</context>
<context>
    <name>FindingToCaseDialog</name>
    <message>
        <source>Turn the finding into a case</source>
        <translation>转为诉求</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求分类</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Resident (optional)</source>
        <translation>诉求人（选填）</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>联系电话（选填）</translation>
    </message>
</context>
<context>
    <name>FollowupBridge</name>
    <message>
        <source>Community Desk — watch list</source>
        <translation>社区工作台 — 督办台</translation>
    </message>
    <message>
        <source>%1 cases newly need action.</source>
        <translation>有 %1 件诉求新近需要督办。</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>Daily automatic reminder</source>
        <translation>每日自动催办</translation>
    </message>
    <message>
        <source>Phone reminder</source>
        <translation>电话催办</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>提醒函</translation>
    </message>
    <message>
        <source>On-site supervision</source>
        <translation>实地督导</translation>
    </message>
    <message>
        <source>Leader %1, due %2</source>
        <translation>责任领导 %1，期限 %2</translation>
    </message>
    <message>
        <source>Follow-through</source>
        <translation>督办与跟进</translation>
    </message>
    <message>
        <source>Phone reminder…</source>
        <translation>电话催办…</translation>
    </message>
    <message>
        <source>On-site supervision…</source>
        <translation>实地督导…</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接办</translation>
    </message>
    <message>
        <source>List for supervision…</source>
        <translation>挂牌督办…</translation>
    </message>
    <message>
        <source>Send back down…</source>
        <translation>发回下级…</translation>
    </message>
    <message>
        <source>Claim (lead it myself)</source>
        <translation>领办</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>交接…</translation>
    </message>
    <message>
        <source>First-handling owner: %1</source>
        <translation>首办负责人：%1</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>co-department</source>
        <translation>协办</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>%1 已签收</translation>
    </message>
    <message>
        <source>signing: %1</source>
        <translation>签收：%1</translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>%1 已答复</translation>
    </message>
    <message>
        <source>Deadline moved from %1 to %2 by a newer holiday calendar (%3)</source>
        <translation>因导入新的节假日安排，期限由 %1 调整为 %2（%3）</translation>
    </message>
    <message>
        <source>Escalated to %1: %2</source>
        <translation>已提级至%1：%2</translation>
    </message>
    <message>
        <source>taken over there</source>
        <translation>已由该级接办</translation>
    </message>
    <message>
        <source>Sent back down with instructions: %1</source>
        <translation>已发回下级办理，指示：%1</translation>
    </message>
    <message>
        <source>Listed supervision: leader %1, due %2</source>
        <translation>挂牌督办：责任领导 %1，期限 %2</translation>
    </message>
    <message>
        <source>Claimed by leader %1</source>
        <translation>领导领办：%1</translation>
    </message>
    <message>
        <source>Returned by %1: %2</source>
        <translation>%1 退回：%2</translation>
    </message>
    <message>
        <source>Returned, waiting to be dispatched again</source>
        <translation>已退回，待重新分拨</translation>
    </message>
    <message>
        <source>Returned by two departments: waiting for the centre&apos;s adjudication</source>
        <translation>两个部门已退回：等待中心裁定</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Whom did you call, and what was agreed?</source>
        <translation>给谁打的电话，约定了什么？</translation>
    </message>
    <message>
        <source>What was found on site?</source>
        <translation>现场发现了什么情况？</translation>
    </message>
    <message>
        <source>List for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Responsible leader:</source>
        <translation>责任领导：</translation>
    </message>
    <message>
        <source>Due date (YYYY-MM-DD):</source>
        <translation>办结期限（年-月-日）：</translation>
    </message>
    <message>
        <source>Write the due date as YYYY-MM-DD.</source>
        <translation>请按“年-月-日”格式填写期限，例如 2026-12-31。</translation>
    </message>
    <message>
        <source>Send back down</source>
        <translation>发回下级</translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation>指示：</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Hand the case over to:</source>
        <translation>将诉求交给：</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Resident agrees to publication (shown without personal data)</source>
        <translation>同意公开（隐去个人信息后可公开展示）</translation>
    </message>
    <message>
        <source>(grid not known)</source>
        <translation>（网格不详）</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重复的诉求</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Clear everything typed in this form? It cannot be brought back.</source>
        <translation>清空此表单中已填写的全部内容吗？清空后无法恢复。</translation>
    </message>
    <message>
        <source>Unsaved request</source>
        <translation>未保存的诉求</translation>
    </message>
    <message>
        <source>A request was being typed when Community Desk last stopped. Put it back in the form?</source>
        <translation>上次关闭时有一条诉求尚未保存。要恢复到登记表中吗？</translation>
    </message>
    <message>
        <source>Suggested: %1 → %4 (%2, %3) — press F2 to accept</source>
        <translation>建议：%1 → %4（%2，%3）— 按 F2 采用</translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation>把握 %1%</translation>
    </message>
    <message>
        <source>Not sure: %1? Press F2 to choose (the catch-all %2 is last)</source>
        <translation>不确定：%1？按 F2 选择（兜底的“%2”在最后）</translation>
    </message>
    <message>
        <source>Two problems? %1 — a supervisor can split the case after saving</source>
        <translation>两个问题？%1 — 保存后可由主管拆分</translation>
    </message>
    <message>
        <source>Will be saved as %1 cases: %2 (click to keep one)</source>
        <translation>将保存为 %1 件诉求：%2（点击改回一件）</translation>
    </message>
    <message>
        <source>Two problems? %1 — click to save them as separate cases</source>
        <translation>两个问题？%1 — 点击分别登记为两件</translation>
    </message>
    <message>
        <source>Closed at once with the answer you record.</source>
        <translation>将以您填写的答复当场办结。</translation>
    </message>
    <message>
        <source>Choose a category to see the department and the deadline.</source>
        <translation>选择诉求分类后，将显示承办单位和办结时限。</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>承办单位：%1</translation>
    </message>
    <message>
        <source>Together with: %1</source>
        <translation>协办单位：%1</translation>
    </message>
    <message>
        <source>Due by %1 (to be signed for within 24 hours)</source>
        <translation>办结时限：%1（须在24小时内签收）</translation>
    </message>
    <message numerus="yes">
        <source>Possible duplicates (%n)</source>
        <translation>
            <numerusform>可能重复的诉求（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>未能计入</translation>
    </message>
    <message>
        <source>Counted on the existing case</source>
        <translation>已计入原有诉求</translation>
    </message>
    <message>
        <source>The request was added to case %1; no new case was opened.</source>
        <translation>本次诉求已计入诉求 %1，未新建诉求。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Two problems in one request, split at intake</source>
        <translation>一件诉求含两个问题，受理时拆分</translation>
    </message>
    <message>
        <source>Saved as one case</source>
        <translation>已作为一件保存</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>&amp;Anonymous</source>
        <translation>匿名(&amp;A)</translation>
    </message>
    <message>
        <source>Mobile or landline, e.g. 13812345678 or 0755-12345678</source>
        <translation>手机或固定电话，如 13812345678 或 0755-12345678</translation>
    </message>
    <message>
        <source>Optional, 18 characters</source>
        <translation>选填，18位</translation>
    </message>
    <message>
        <source>What the resident says, in their words</source>
        <translation>按诉求人原话记录</translation>
    </message>
    <message>
        <source>Settled on the spot (answered at the window)</source>
        <translation>当场办结（已在窗口答复）</translation>
    </message>
    <message>
        <source>The answer given to the resident</source>
        <translation>给诉求人的答复</translation>
    </message>
    <message>
        <source>Save and print receipt (Ctrl+S)</source>
        <translation>保存并打印回执（Ctrl+S）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重复的诉求</translation>
    </message>
    <message>
        <source>Count it on the selected case instead</source>
        <translation>改为计入所选诉求</translation>
    </message>
    <message>
        <source>Open cases with the same phone, or the same category in this community, in the last 30 days.</source>
        <translation>近30天内电话号码相同、或本社区同一分类的未办结诉求。</translation>
    </message>
    <message>
        <source>None found so far. They are looked for as you type the phone and choose the category.</source>
        <translation>暂未发现。填写电话号码、选择诉求分类时会自动查找。</translation>
    </message>
    <message>
        <source>Channel / kind / urgency</source>
        <translation>渠道 / 类型 / 紧急程度</translation>
    </message>
    <message>
        <source>Resident&apos;s name</source>
        <translation>诉求人姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Community / grid</source>
        <translation>社区 / 网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求分类</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Community Desk</source>
        <translation>欢迎使用社区诉求工作台</translation>
    </message>
    <message>
        <source>This computer has no desk yet. A few questions set it up; nothing is saved until the last page.</source>
        <translation>这台电脑上还没有工作台。回答几个问题即可完成设置；到最后一页之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Choose the language of the interface.</source>
        <translation>请选择界面语言。</translation>
    </message>
    <message>
        <source>You can change it later under Settings → Preferences.</source>
        <translation>以后可以在“设置 → 偏好设置”中更改。</translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Community Desk — sign in</source>
        <translation>社区诉求工作台 — 登录</translation>
    </message>
    <message>
        <source>The desk was locked because it was idle. Sign in again.</source>
        <translation>工作台因长时间无操作已锁定，请重新登录。</translation>
    </message>
    <message>
        <source>Sign in with your account on this desk.</source>
        <translation>请使用您在本工作台的账号登录。</translation>
    </message>
    <message>
        <source>Demo workspace, password %1 for every account:</source>
        <translation>演示工作区，所有账号的密码均为 %1：</translation>
    </message>
    <message>
        <source> (enrols the desk with the centre, users, settings)</source>
        <translation>（可接入中心平台、管理用户和设置）</translation>
    </message>
    <message>
        <source>The desk is locked. Sign in again to go on.</source>
        <translation>工作台已锁定。请重新登录后继续。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Switch &amp;user</source>
        <translation>切换用户(&amp;U)</translation>
    </message>
    <message>
        <source>Sign in as another person (Alt+U)</source>
        <translation>以其他人员身份登录（Alt+U）</translation>
    </message>
    <message>
        <source>Sign in as another person. The work of the person who locked the desk is kept until they sign in again.</source>
        <translation>请以其他人员身份登录。锁定工作台的人员未保存的工作会保留，待其再次登录时恢复。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Register</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>诉求台账</translation>
    </message>
    <message>
        <source>Council meetings</source>
        <translation>党群议事会</translation>
    </message>
    <message>
        <source>Opinion room</source>
        <translation>民意表达室</translation>
    </message>
    <message>
        <source>Grid patrols</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>工作台(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Register a request</source>
        <translation>受理登记(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>诉求台账(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Overdue and due soon</source>
        <translation>超期和即将超期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Enrol with the central platform…</source>
        <translation>接入中心平台(&amp;E)…</translation>
    </message>
    <message>
        <source>Events &amp;refused by the centre…</source>
        <translation>被中心拒收的记录(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Restore from a bac&amp;kup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
    </message>
    <message>
        <source>Access &amp;audit…</source>
        <translation>访问审计(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Community Desk</source>
        <translation>关于社区诉求工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Community Desk</source>
        <translation>社区诉求工作台</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>This desk works offline. Enrol it with the central platform first (Desk → Enrol with the central platform).</source>
        <translation>本工作台目前离线工作。请先接入中心平台（工作台 → 接入中心平台）。</translation>
    </message>
    <message>
        <source>This desk works offline: it is not enrolled with the central platform yet. Only an %1 may enrol it: sign in as one and choose Desk → Enrol with the central platform. (In the demo workspace: user admin, password demo1234.)</source>
        <translation>本工作台处于离线状态：尚未接入中心平台。只有%1可以接入：请以该角色登录，然后选择 工作台 → 接入中心平台。（演示工作区：用户 admin，密码 demo1234。）</translation>
    </message>
    <message>
        <source>This desk works offline: it is not enrolled with the central platform yet. Only an %1 may enrol it (Desk → Enrol with the central platform); ask yours.</source>
        <translation>本工作台处于离线状态：尚未接入中心平台。只有%1可以接入（工作台 → 接入中心平台），请与其联系。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 min off the centre&apos;s: please set it right</source>
        <translation>本机时钟与中心平台相差 %1 分钟，请校准时间</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账户管理(&amp;A)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>MeetingDetail</name>
    <message>
        <source>● in progress</source>
        <translation>● 推进中</translation>
    </message>
    <message>
        <source>✔ done</source>
        <translation>✔ 已完成</translation>
    </message>
    <message>
        <source>↑ escalated to a higher meeting</source>
        <translation>↑ 已提交上级议事会</translation>
    </message>
    <message>
        <source>Department summoned</source>
        <translation>应到部门</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>到会</translation>
    </message>
    <message>
        <source>Minutes: what was said and agreed</source>
        <translation>会议纪要：讨论情况和议定内容</translation>
    </message>
    <message>
        <source>Save minutes and attendance</source>
        <translation>保存纪要和到会情况</translation>
    </message>
    <message>
        <source>Add photo of the sign-in sheet…</source>
        <translation>添加签到表照片…</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任单位/人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Add resolution…</source>
        <translation>添加议定事项…</translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation>登记进展…</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <source>Pass up to the next level…</source>
        <translation>提交上一级议事…</translation>
    </message>
    <message>
        <source>Close the meeting</source>
        <translation>结束会议</translation>
    </message>
    <message>
        <source>Deputies present</source>
        <translation>到会代表</translation>
    </message>
    <message>
        <source>Party members present</source>
        <translation>到会党员</translation>
    </message>
    <message>
        <source>Residents present</source>
        <translation>到会居民</translation>
    </message>
    <message>
        <source>Attendance and minutes</source>
        <translation>到会情况和会议纪要</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>%1 at %2, convened by %3</source>
        <translation>%1 在 %2 召开，召集人：%3</translation>
    </message>
    <message>
        <source>“%1” was changed on two desks at once; kept: %2, also written: %3</source>
        <translation>“%1”在两个工作台同时被修改；保留：%2；另一处写的是：%3</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
    <message>
        <source>Photo of the sign-in sheet</source>
        <translation>签到表照片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Keeping the photo…</source>
        <translation>正在保存照片…</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Blow the whistle: call a meeting…</source>
        <translation>吹哨：召集议事会…</translation>
    </message>
    <message>
        <source>Add a topic…</source>
        <translation>添加议题…</translation>
    </message>
    <message>
        <source>Hot topics (from the cases, and added by hand)</source>
        <translation>热点议题（来自诉求和手工添加）</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>议事会</translation>
    </message>
    <message>
        <source>Resolutions overdue or due within 3 days</source>
        <translation>已超期或3天内到期的议定事项</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件诉求</numerusform>
        </translation>
    </message>
    <message>
        <source>— meeting called: %1</source>
        <translation>— 已召集议事会：%1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <source>The recurring problem, in a few words:</source>
        <translation>反复出现的问题（简要描述）：</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>未能添加</translation>
    </message>
</context>
<context>
    <name>OpinionRoomPage</name>
    <message>
        <source>Receptions</source>
        <translation>接待记录</translation>
    </message>
    <message>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
</context>
<context>
    <name>PatrolsPage</name>
    <message>
        <source>Route</source>
        <translation>巡查路线</translation>
    </message>
    <message>
        <source>Start a patrol</source>
        <translation>开始巡查</translation>
    </message>
    <message>
        <source>End the patrol</source>
        <translation>结束巡查</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>巡查记录</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
    <message>
        <source>Photos of the finding</source>
        <translation>巡查发现的照片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message numerus="yes">
        <source>Photo… (%n chosen)</source>
        <translation>
            <numerusform>照片…（已选 %n 张）</numerusform>
        </translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Record progress</source>
        <translation>登记进展</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>进展情况</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Settled at the window</source>
        <translation>已在窗口当场办结</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求分类</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Desk telephone</source>
        <translation>本中心电话</translation>
    </message>
    <message>
        <source>Scan the code with your phone, or open %1 and enter the lookup code, to follow your request and evaluate it when it is done.</source>
        <translation>用手机扫描二维码，或打开 %1 输入查询码，即可查看办理进度，办结后还可在线评价。</translation>
    </message>
    <message>
        <source>Lookup code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <source>To ask about progress, call %1 or come to the window with this case number, or give the last four digits of your phone number.</source>
        <translation>如需查询办理进度，请凭本受理编号致电 %1 或到窗口查询，也可提供您电话号码的后四位。</translation>
    </message>
    <message>
        <source>To ask about progress, call the centre or come to the window with this case number, or give the last four digits of your phone number.</source>
        <translation>如需查询办理进度，请凭本受理编号致电本中心或到窗口查询，也可提供您电话号码的后四位。</translation>
    </message>
    <message>
        <source>Receipt of request</source>
        <translation>诉求受理回执</translation>
    </message>
    <message>
        <source>Worker (signature):</source>
        <translation>工作人员（签名）：</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt — %1</source>
        <translation>受理回执 — %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>将回执另存为 PDF</translation>
    </message>
</context>
<context>
    <name>ReceptionsPage</name>
    <message>
        <source>Log the reception</source>
        <translation>登记接待</translation>
    </message>
    <message>
        <source>Deputy&apos;s name</source>
        <translation>代表姓名</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>What the residents raised</source>
        <translation>群众反映的问题</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>People received</source>
        <translation>接待人数</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>反映问题</translation>
    </message>
    <message>
        <source>Receptions</source>
        <translation>接待记录</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Add finding</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <source>Turn into a case…</source>
        <translation>转为诉求…</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>(%n finding(s) waiting)</source>
        <translation>（%n 条发现待处理）</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
    <message>
        <source>Already a case</source>
        <translation>已转为诉求</translation>
    </message>
    <message>
        <source>This finding is already a case.</source>
        <translation>该事项已经转为诉求。</translation>
    </message>
    <message>
        <source>Case registered</source>
        <translation>诉求已受理</translation>
    </message>
    <message>
        <source>Registered as case %1.</source>
        <translation>已登记为诉求，受理编号 %1。</translation>
    </message>
</context>
<context>
    <name>RecoveryKey</name>
    <message>
        <source>Community Desk — recovery key</source>
        <translation>社区工作台 — 恢复密钥</translation>
    </message>
    <message>
        <source>This key opens the desk&apos;s database and every backup of it, on any computer. Keep it locked away, apart from the computer; whoever holds it can read the residents&apos; data.</source>
        <translation>此密钥可在任何电脑上打开本工作台的数据库及其所有备份。请将其锁好，与电脑分开存放；持有它的人可以读取居民数据。</translation>
    </message>
    <message>
        <source>This computer has no credential store that Community Desk can use, so the database key is kept in a file only your user account can read. The residents&apos; data is then only as safe as this account: give it a strong password and do not share it.</source>
        <translation>本机没有社区工作台可用的凭据存储，数据库密钥因此保存在只有您的用户账户能读取的文件中。此时居民数据的安全取决于这个账户：请为它设置强密码，且不要与他人共用。</translation>
    </message>
    <message>
        <source>This is the desk&apos;s recovery key. The residents&apos; data is encrypted; if this computer is lost or its key is damaged, only this key opens the database and its backups on another computer. It is shown only now: print it or write it down, and keep it locked away from the computer.</source>
        <translation>这是本工作台的恢复密钥。居民数据已加密；如果这台电脑丢失或其密钥损坏，只有此密钥能在另一台电脑上打开数据库及其备份。它只在此时显示一次：请打印或抄写下来，并与电脑分开锁好保管。</translation>
    </message>
    <message>
        <source>&amp;Print the recovery key…</source>
        <translation>打印恢复密钥(&amp;P)…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and will keep it safe.</source>
        <translation>我已打印或抄下恢复密钥，并会妥善保管。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>The desk&apos;s data is now encrypted</source>
        <translation>工作台数据现已加密</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPrompt</name>
    <message>
        <source>Enter the recovery key</source>
        <translation>输入恢复密钥</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Keep it somewhere safe: it is the only way back to the data if the key on this computer is lost.</source>
        <translation>请存放在安全的地方：如果这台电脑上的密钥丢失，这是找回数据的唯一途径。</translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <source>Events refused by the centre</source>
        <translation>被中心拒收的记录</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Why the centre refused it</source>
        <translation>拒收原因</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新上传</translation>
    </message>
    <message>
        <source>Record again now (after fixing the clock)</source>
        <translation>校准时钟后重新记录</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Nothing is dropped silently: decide what to do with each.</source>
        <translation>系统不会悄悄丢弃任何记录：请逐条决定如何处理。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Why is it discarded?</source>
        <translation>放弃的原因：</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未能处理</translation>
    </message>
</context>
<context>
    <name>ReminderLetter</name>
    <message>
        <source>Reminder letter</source>
        <translation>提醒函</translation>
    </message>
    <message>
        <source>%1 h left</source>
        <translation>剩余 %1 小时</translation>
    </message>
    <message>
        <source>%1 day(s) over</source>
        <translation>超期 %1 天</translation>
    </message>
    <message>
        <source>The following requests dispatched to your department are overdue or about to fall due. Please sign for them, handle them and answer within the time limits, and report back to this centre.</source>
        <translation>以下派往贵单位的诉求已超期或即将到期，请按时限签收、办理并答复，并将办理情况反馈本中心。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>诉求编号</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Time over</source>
        <translation>超期情况</translation>
    </message>
    <message>
        <source>Cases listed: %1</source>
        <translation>共列出诉求 %1 件</translation>
    </message>
</context>
<context>
    <name>ReminderLetterDialog</name>
    <message>
        <source>Reminder letter — %1</source>
        <translation>提醒函 — %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This department has no overdue or due-soon cases.</source>
        <translation>该部门没有超期或即将到期的诉求。</translation>
    </message>
    <message>
        <source>Save reminder letter as PDF</source>
        <translation>将提醒函另存为 PDF</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Recorded on %1 case(s).</source>
        <translation>已记录到 %1 件诉求。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Make the report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Score settings…</source>
        <translation>考核设置…</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>导出 xlsx…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Choose a period and make the report.</source>
        <translation>选择期间后生成报告。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Double-click a row to see the cases behind it.</source>
        <translation>双击任一行可查看其背后的诉求。</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Writing the xlsx…</source>
        <translation>正在写入 xlsx…</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset a password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>The person must change it at their next sign-in. A locked account is unlocked.</source>
        <translation>本人下次登录时须修改此密码。被锁定的账户同时解锁。</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Agree a resolution</source>
        <translation>添加议定事项</translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation>议定内容</translation>
    </message>
    <message>
        <source>Owner (department or person)</source>
        <translation>责任单位或责任人</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose a backup file. It is checked first; nothing changes until you confirm.</source>
        <translation>请选择备份文件。系统会先检查它；在您确认之前不会有任何改动。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>What the backup holds</source>
        <translation>备份内容</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Made by version</source>
        <translation>备份时的版本</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件数</translation>
    </message>
    <message>
        <source>I understand that the desk&apos;s current data will be replaced by this backup.</source>
        <translation>我已了解：工作台当前的数据将被此备份替换。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>The file could not be checked: %1</source>
        <translation>无法检查该文件：%1</translation>
    </message>
    <message>
        <source>That recovery key is not the one of this backup.</source>
        <translation>该恢复密钥不是这个备份的。</translation>
    </message>
    <message>
        <source>The backup is whole and can be restored.</source>
        <translation>备份完整，可以恢复。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (database %2)</source>
        <translation>%1（其中数据库 %2）</translation>
    </message>
    <message>
        <source>This backup is of another desk (%1), not of this one (%2). Restoring it makes this computer that desk.</source>
        <translation>此备份属于另一个工作台（%1），不是本工作台（%2）。恢复后，这台电脑将成为那个工作台。</translation>
    </message>
    <message>
        <source>Restoring replaces all of this desk&apos;s current data — cases, accounts and attachments — with the backup&apos;s, as it was on %1. Anything recorded since then and not yet sent to the centre will no longer be in the desk. The current data is not deleted: it is moved to a folder named “restore-undo-…” in %2. The desk closes its database while restoring.</source>
        <translation>恢复会用备份中的数据（%1 时的状态）替换本工作台当前的全部数据——诉求、账号和附件。此后登记但尚未报送中心的内容将不再出现在工作台中。当前数据不会被删除：它会被移到 %2 中名为“restore-undo-…”的文件夹。恢复期间工作台会关闭数据库。</translation>
    </message>
</context>
<context>
    <name>ScoreSettingsDialog</name>
    <message>
        <source>Department score settings</source>
        <translation>部门考核设置</translation>
    </message>
    <message>
        <source>Weight of signing timeliness</source>
        <translation>签收及时率权重</translation>
    </message>
    <message>
        <source>Weight of completion</source>
        <translation>办结率权重</translation>
    </message>
    <message>
        <source>Weight of satisfaction</source>
        <translation>满意率权重</translation>
    </message>
    <message>
        <source>Excellent from (score)</source>
        <translation>优秀分数线</translation>
    </message>
    <message>
        <source>Good from (score)</source>
        <translation>良好分数线</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Lock the desk when idle for</source>
        <translation>无操作自动锁定时间</translation>
    </message>
    <message>
        <source>Sync with the centre every</source>
        <translation>与中心平台同步间隔</translation>
    </message>
    <message>
        <source>Warn when not evaluated after</source>
        <translation>办结后未回访评价的预警天数</translation>
    </message>
    <message>
        <source>Notify from</source>
        <translation>桌面提醒开始时间</translation>
    </message>
    <message>
        <source>Notify until</source>
        <translation>桌面提醒结束时间</translation>
    </message>
    <message>
        <source>Printed on the receipt, e.g. 0755-25551234</source>
        <translation>印在回执上，例如 0755-25551234</translation>
    </message>
    <message>
        <source>e.g. https://centre.example.cn (blank: no QR code)</source>
        <translation>例如 https://centre.example.cn（留空则回执不印二维码）</translation>
    </message>
    <message>
        <source>Only an administrator may change this.</source>
        <translation>只有管理员可以修改。</translation>
    </message>
    <message>
        <source>Desk telephone</source>
        <translation>本中心电话</translation>
    </message>
    <message>
        <source>Centre&apos;s address for residents</source>
        <translation>中心平台居民查询地址</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>The desk could not be set up: %1</source>
        <translation>无法完成工作台设置：%1</translation>
    </message>
    <message>
        <source>Set up Community Desk</source>
        <translation>设置社区诉求工作台</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Continue &amp;offline</source>
        <translation>继续离线工作(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Create the desk</source>
        <translation>创建工作台(&amp;C)</translation>
    </message>
    <message>
        <source>Enrolment failed: %1</source>
        <translation>接入失败：%1</translation>
    </message>
    <message>
        <source>Contacting the centre…</source>
        <translation>正在联系中心…</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Record</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Co-handling department</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Replying department</source>
        <translation>答复单位</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Result given to the resident</source>
        <translation>向诉求人反馈的办理结果</translation>
    </message>
    <message>
        <source>Why it goes back</source>
        <translation>回退原因</translation>
    </message>
    <message>
        <source>Escalate to</source>
        <translation>提级至</translation>
    </message>
    <message>
        <source>Why the community cannot settle it</source>
        <translation>社区无法解决的原因</translation>
    </message>
    <message>
        <source>Message to the department</source>
        <translation>催办内容</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Case number to merge into</source>
        <translation>合并到的受理编号</translation>
    </message>
    <message>
        <source>Reason for voiding</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>— not asked yet —</source>
        <translation>— 尚未询问 —</translation>
    </message>
    <message>
        <source>How it was asked</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>At the window</source>
        <translation>窗口回访</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信回访</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络回访</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>上门回访</translation>
    </message>
    <message>
        <source>What the resident said</source>
        <translation>诉求人意见</translation>
    </message>
    <message>
        <source>Choose the resident&apos;s answer in each of the four before recording.</source>
        <translation>请先在四项中分别选择居民本人的回答，再记录。</translation>
    </message>
    <message>
        <source>The case will be closed.</source>
        <translation>保存后，该诉求将结案。</translation>
    </message>
    <message>
        <source>Unsatisfied with the effect or the feedback: the case goes back to the department to be redone.</source>
        <translation>对处置效果或反馈质量不满意：诉求将回退承办单位重办。</translation>
    </message>
    <message>
        <source>Unsatisfied again after redoing: the case goes back and is put under special supervision.</source>
        <translation>重办后仍不满意：诉求将回退重办，并转入专项督办。</translation>
    </message>
    <message>
        <source>(choose a category)</source>
        <translation>（请选择类别）</translation>
    </message>
    <message>
        <source>Problem %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <source>Category of problem %1</source>
        <translation>问题 %1 的类别</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Working offline (not enrolled with the centre)</source>
        <translation>离线工作（未接入中心平台）</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>%1 to send</source>
        <translation>待上传 %1 条</translation>
    </message>
    <message>
        <source>%1 refused by the centre</source>
        <translation>被中心拒收 %1 条</translation>
    </message>
    <message>
        <source>This desk&apos;s software is too old for the centre: please upgrade it</source>
        <translation>本工作台软件版本过旧，中心已不再支持：请升级</translation>
    </message>
    <message>
        <source>The centre&apos;s software is too old for this desk: the centre must be upgraded</source>
        <translation>中心软件版本过旧，本工作台无法与其同步：请中心升级</translation>
    </message>
    <message>
        <source>no connection (check the network and the address)</source>
        <translation>无法连接（请检查网络和地址）</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未在规定时间内应答</translation>
    </message>
    <message>
        <source>the centre&apos;s certificate is not trusted</source>
        <translation>中心平台的证书不受信任</translation>
    </message>
    <message>
        <source>the address is not valid</source>
        <translation>地址无效</translation>
    </message>
    <message>
        <source>the address leads round in circles</source>
        <translation>地址重定向次数过多</translation>
    </message>
    <message>
        <source>The centre cannot be reached at {url}: {cause}.</source>
        <translation>无法连接中心平台 {url}：{cause}。</translation>
    </message>
    <message>
        <source>The centre cannot be reached: {cause}.</source>
        <translation>无法连接中心平台：{cause}。</translation>
    </message>
    <message>
        <source>The centre&apos;s address {url} uses plain http://, which sends the desk&apos;s key and residents&apos; data unencrypted. Use its https:// address (plain http:// is allowed only to this computer itself).</source>
        <translation>中心平台地址 {url} 使用不加密的 http://，会把本工作台的密钥和居民信息明文发送。请使用它的 https:// 地址（只有连接本机时才允许使用 http://）。</translation>
    </message>
    <message>
        <source>{url} is not the web address of a centre (it should start with https://).</source>
        <translation>{url} 不是中心平台的网址（应以 https:// 开头）。</translation>
    </message>
    <message>
        <source>A secure connection to the centre could not be made ({detail}).</source>
        <translation>无法与中心平台建立安全连接（{detail}）。</translation>
    </message>
    <message>
        <source>The centre&apos;s certificate could not be verified: this computer does not trust it. If the centre uses your network&apos;s own certificate authority, install that authority&apos;s certificate in this computer&apos;s trust store; if not, the address may not be the centre&apos;s.</source>
        <translation>无法验证中心平台的证书：本机不信任该证书。如果中心平台使用本单位网络自己的证书颁发机构，请把该机构的证书安装到本机的受信任证书库；否则，该地址可能不是中心平台的地址。</translation>
    </message>
    <message>
        <source>The centre did not answer in time.</source>
        <translation>中心平台未在规定时间内应答。</translation>
    </message>
    <message>
        <source>The centre&apos;s answer was cut off on the way; it will be fetched again.</source>
        <translation>中心平台的应答在传输中中断，将重新获取。</translation>
    </message>
    <message>
        <source>The centre&apos;s answer was cut off or unreadable.</source>
        <translation>中心平台的应答不完整或无法读取。</translation>
    </message>
    <message>
        <source>The centre answered only part of a batch; it will be sent again.</source>
        <translation>中心平台只应答了一批中的部分记录，将重新发送。</translation>
    </message>
    <message>
        <source>The centre&apos;s answer to a push has no results; it will be sent again.</source>
        <translation>中心平台对上传的应答中没有结果，将重新发送。</translation>
    </message>
    <message>
        <source>The centre&apos;s answer is not understood ({detail}).</source>
        <translation>无法理解中心平台的应答（{detail}）。</translation>
    </message>
    <message>
        <source>The centre keeps asking this desk to download everything again.</source>
        <translation>中心平台反复要求本工作台重新下载全部数据。</translation>
    </message>
    <message>
        <source>A page from the centre is not understood ({detail}).</source>
        <translation>无法理解中心平台发来的一页数据（{detail}）。</translation>
    </message>
    <message>
        <source>The centre sent a record this desk cannot read ({detail}).</source>
        <translation>中心平台发来了本工作台无法读取的记录（{detail}）。</translation>
    </message>
    <message>
        <source>A photo from the centre arrived damaged; it will be fetched again.</source>
        <translation>中心平台发来的照片已损坏，将重新获取。</translation>
    </message>
    <message>
        <source>The centre&apos;s catalogue arrived incomplete; the desk keeps the one it has.</source>
        <translation>中心平台的职责清单不完整，本工作台继续使用现有清单。</translation>
    </message>
    <message>
        <source>The centre&apos;s catalogue was not taken ({detail}); the desk keeps the one it has.</source>
        <translation>未采用中心平台的职责清单（{detail}），本工作台继续使用现有清单。</translation>
    </message>
    <message>
        <source>The centre&apos;s holiday calendar was not taken ({detail}); the desk keeps the one it has.</source>
        <translation>未采用中心平台的节假日安排（{detail}），继续使用本机现有安排。</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>同步正在进行中。</translation>
    </message>
    <message>
        <source>The centre was restored again while this desk caught up; the next sync goes on.</source>
        <translation>中心在本工作台补传期间再次恢复了数据；下次同步会继续。</translation>
    </message>
    <message>
        <source>This enrolment code is not known. Check it with the centre.</source>
        <translation>中心平台不认识此接入码，请向中心平台核对。</translation>
    </message>
    <message>
        <source>This enrolment code has already been used. Ask the centre for a new one.</source>
        <translation>此接入码已被使用，请向中心平台申请新的接入码。</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask the centre for a new one.</source>
        <translation>此接入码已过期，请向中心平台申请新的接入码。</translation>
    </message>
    <message>
        <source>The desk code {code} is already enrolled at the centre. Ask the centre what to do.</source>
        <translation>工作台编号 {code} 已在中心平台接入，请向中心平台咨询如何处理。</translation>
    </message>
    <message>
        <source>The centre does not accept this desk&apos;s code or name (a code looks like YT-HS-01).</source>
        <translation>中心平台不接受本工作台的编号或名称（编号形如 YT-HS-01）。</translation>
    </message>
    <message>
        <source>Enter the enrolment code.</source>
        <translation>请输入接入码。</translation>
    </message>
    <message>
        <source>The enrolment code holds characters that are not text: type it again.</source>
        <translation>接入码中含有非文字字符，请重新输入。</translation>
    </message>
    <message>
        <source>The centre does not know this desk any more: enrol it again.</source>
        <translation>中心平台已不认识本工作台，请重新接入。</translation>
    </message>
    <message>
        <source>The centre has withdrawn this desk&apos;s access. Ask the centre.</source>
        <translation>中心平台已撤销本工作台的访问权限，请联系中心平台。</translation>
    </message>
    <message>
        <source>The centre asked for this desk&apos;s key: enrol the desk again.</source>
        <translation>中心平台要求提供本工作台的密钥，请重新接入。</translation>
    </message>
    <message>
        <source>The centre answered with an error (HTTP {status}).</source>
        <translation>中心平台返回错误（HTTP {status}）。</translation>
    </message>
    <message>
        <source>The centre said: %1</source>
        <translation>中心平台返回：%1</translation>
    </message>
    <message>
        <source>The centre found the record invalid</source>
        <translation>中心平台认为该记录不符合格式要求</translation>
    </message>
    <message>
        <source>Outside the area this desk serves</source>
        <translation>超出本工作台的服务范围</translation>
    </message>
    <message>
        <source>Recorded by someone who is not of this desk</source>
        <translation>记录人不属于本工作台</translation>
    </message>
    <message>
        <source>This computer&apos;s clock was fast: the record is dated in the future</source>
        <translation>本机时钟偏快，记录时间晚于当前时间</translation>
    </message>
    <message>
        <source>The centre holds a different record with the same identity</source>
        <translation>中心平台已有编号相同但内容不同的记录</translation>
    </message>
</context>
<context>
    <name>WatchPage</name>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All warnings</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <source>Mine only</source>
        <translation>只看我负责的</translation>
    </message>
    <message>
        <source>Reminder letter…</source>
        <translation>提醒函…</translation>
    </message>
    <message>
        <source>Import holiday calendar…</source>
        <translation>导入节假日安排…</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Watch list: what needs action first</source>
        <translation>督办台：最需要处理的排在前面</translation>
    </message>
    <message>
        <source>%1 (returned %2 times)</source>
        <translation>%1（被退回 %2 次）</translation>
    </message>
    <message>
        <source>Items disputed most often: %1</source>
        <translation>最常被部门退回的事项：%1</translation>
    </message>
    <message>
        <source>%1 items need action</source>
        <translation>共 %1 项需要督办</translation>
    </message>
    <message>
        <source>%1 items need action; the first %2 are shown (filter to see the others)</source>
        <translation>共 %1 项需要督办，显示最紧急的 %2 项（可用筛选查看其余）</translation>
    </message>
    <message>
        <source>Escalated because: %1</source>
        <translation>提级原因：%1</translation>
    </message>
    <message>
        <source>Returned by %1: %2</source>
        <translation>%1 退回：%2</translation>
    </message>
    <message>
        <source>Leader: %1</source>
        <translation>责任领导：%1</translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <translation>领办领导：%1</translation>
    </message>
    <message>
        <source>Co-department: %1</source>
        <translation>协办部门：%1</translation>
    </message>
    <message>
        <source>Import the State Council&apos;s holiday notice</source>
        <translation>导入国务院办公厅节假日安排通知</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Imported %1. %2 open cases were recomputed; %3 deadlines moved.</source>
        <translation>已导入 %1 年。重新计算了 %2 件在办诉求，其中 %3 件的期限有变动。</translation>
    </message>
    <message>
        <source>Holiday calendar not imported</source>
        <translation>节假日安排未导入</translation>
    </message>
    <message>
        <source>Recomputing deadlines…</source>
        <translation>正在重新计算期限…</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>督办台</translation>
    </message>
    <message>
        <source>%1 to follow up</source>
        <translation>待督办 %1</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>提醒函</translation>
    </message>
    <message>
        <source>Choose a department (or a case of it) first.</source>
        <translation>请先选择一个部门（或该部门的一件诉求）。</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Opened a resident&apos;s full phone and ID number</source>
        <translation>查看居民完整电话和身份证号</translation>
    </message>
    <message>
        <source>Searched by phone or ID number</source>
        <translation>按电话或身份证号查询</translation>
    </message>
    <message>
        <source>Printed personal data</source>
        <translation>打印个人信息</translation>
    </message>
    <message>
        <source>Exported personal data</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <source>Added a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Disabled a user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Enabled a user</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Changed a user&apos;s role</source>
        <translation>修改用户角色</translation>
    </message>
    <message>
        <source>Reset a user&apos;s password</source>
        <translation>重置用户密码</translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>Wrong password at sign-in</source>
        <translation>登录密码错误</translation>
    </message>
    <message>
        <source>Account locked after failed sign-ins</source>
        <translation>多次登录失败，账号已锁定</translation>
    </message>
    <message>
        <source>Switched user at the lock screen</source>
        <translation>锁屏时切换用户</translation>
    </message>
    <message>
        <source>Changed the desk&apos;s settings</source>
        <translation>修改本机设置</translation>
    </message>
    <message>
        <source>Made a backup</source>
        <translation>备份数据</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Discarded events the centre refused</source>
        <translation>作废中心拒收的记录</translation>
    </message>
    <message>
        <source>Sent refused events again</source>
        <translation>重新发送被拒收的记录</translation>
    </message>
    <message>
        <source>Changed the database key</source>
        <translation>更换数据库密钥</translation>
    </message>
    <message>
        <source>Exported the access audit</source>
        <translation>导出访问审计</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Not allowed while the case is “{status}”.</source>
        <translation>诉求处于“{status}”状态，不能进行此操作。</translation>
    </message>
    <message>
        <source>Recorded before the case was registered.</source>
        <translation>该记录早于诉求的受理记录。</translation>
    </message>
    <message>
        <source>The case was already registered.</source>
        <translation>该诉求已受理，不能重复受理。</translation>
    </message>
    <message>
        <source>Signed by a department the case was not dispatched to.</source>
        <translation>签收单位不是该诉求的分拨单位。</translation>
    </message>
    <message>
        <source>The case is already at this level or above.</source>
        <translation>该诉求已在此层级或更高层级办理。</translation>
    </message>
    <message>
        <source>A case cannot be merged into itself.</source>
        <translation>诉求不能合并到自身，请输入另一个受理编号。</translation>
    </message>
    <message>
        <source>Returned by a department the case was not dispatched to.</source>
        <translation>退回的部门并非该诉求的承办部门。</translation>
    </message>
    <message>
        <source>The case already belongs to this worker.</source>
        <translation>该诉求已由这位工作人员负责。</translation>
    </message>
    <message>
        <source>Only the level the case was escalated to can take it over.</source>
        <translation>只有诉求提级到的层级才能接办。</translation>
    </message>
    <message>
        <source>A case can only be sent down to a lower level.</source>
        <translation>诉求只能发回更低的层级。</translation>
    </message>
    <message>
        <source>A desk code is upper-case letters and digits in parts joined by “-”, such as YT-HJ-01.</source>
        <translation>工作台编码由大写字母和数字组成，各段之间用“-”连接，如 YT-HJ-01。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>{file}, line 1: the columns must be {columns}.</source>
        <translation>{file} 第 1 行：列名应为 {columns}。</translation>
    </message>
    <message>
        <source>{file}, line {line}: not UTF-8 text (save the file as UTF-8).</source>
        <translation>{file} 第 {line} 行：不是 UTF-8 文本（请将文件另存为 UTF-8 编码）。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {count} fields, expected {expected}.</source>
        <translation>{file} 第 {line} 行：有 {count} 个字段，应为 {expected} 个。</translation>
    </message>
    <message>
        <source>{file}: not a readable CSV file ({error}).</source>
        <translation>{file}：不是可读取的 CSV 文件（{error}）。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file} 第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>{file}: there must be exactly one catch_all unit.</source>
        <translation>{file}：兜底单位（catch_all）必须有且只有一个。</translation>
    </message>
    <message>
        <source>{file}: no item is handled by the catch-all unit.</source>
        <translation>{file}：没有由兜底单位承办的事项，请至少指定一项。</translation>
    </message>
    <message>
        <source>An event must be an object.</source>
        <translation>事件必须是对象。</translation>
    </message>
    <message>
        <source>The event has no “{field}”.</source>
        <translation>事件缺少“{field}”。</translation>
    </message>
    <message>
        <source>Unexpected field “{field}”.</source>
        <translation>不应有字段“{field}”。</translation>
    </message>
    <message>
        <source>Unknown event type “{type}”.</source>
        <translation>未知的事件类型“{type}”。</translation>
    </message>
    <message>
        <source>Event type “{type}” does not belong to “{entity}”.</source>
        <translation>事件类型“{type}”不属于“{entity}”。</translation>
    </message>
    <message>
        <source>The event&apos;s identifiers are not valid.</source>
        <translation>事件的标识无效。</translation>
    </message>
    <message>
        <source>The event&apos;s “{field}” is not valid.</source>
        <translation>事件的“{field}”无效。</translation>
    </message>
    <message>
        <source>The event&apos;s organisation code “{org}” is not valid.</source>
        <translation>事件的组织编码“{org}”无效。</translation>
    </message>
    <message>
        <source>The event is too large (more than {limit} KB).</source>
        <translation>事件过大（超过 {limit} KB）。</translation>
    </message>
    <message>
        <source>Needs a newer version of Community Desk to show.</source>
        <translation>需要新版本才能显示。</translation>
    </message>
    <message>
        <source>Not a valid clock stamp: {stamp}</source>
        <translation>无效的时钟戳：{stamp}</translation>
    </message>
    <message>
        <source>Choose how the request came in.</source>
        <translation>请选择诉求渠道。</translation>
    </message>
    <message>
        <source>Choose the kind of request.</source>
        <translation>请选择诉求类型。</translation>
    </message>
    <message>
        <source>Choose the urgency.</source>
        <translation>请选择紧急程度。</translation>
    </message>
    <message>
        <source>Describe the request in a few words (at least 3 characters).</source>
        <translation>请用几句话描述诉求（至少 3 个字）。</translation>
    </message>
    <message>
        <source>The description is too long ({length} characters; at most 5000).</source>
        <translation>诉求内容过长（{length}字，最多5000字），请精简。</translation>
    </message>
    <message>
        <source>Choose a category from the catalogue.</source>
        <translation>请从职责清单中选择诉求分类。</translation>
    </message>
    <message>
        <source>This category is retired; choose a current one.</source>
        <translation>该分类已停用，请选择现行分类。</translation>
    </message>
    <message>
        <source>Choose the community.</source>
        <translation>请选择社区。</translation>
    </message>
    <message>
        <source>This grid does not belong to the chosen community.</source>
        <translation>该网格不属于所选社区，请重新选择。</translation>
    </message>
    <message>
        <source>The title is too long (at most 100 characters).</source>
        <translation>标题过长（最多100字），请精简。</translation>
    </message>
    <message>
        <source>The location is not on the map (latitude ±90, longitude ±180).</source>
        <translation>位置坐标超出范围（纬度 ±90，经度 ±180），请核对。</translation>
    </message>
    <message>
        <source>The address is too long (at most 200 characters).</source>
        <translation>地址过长（最多200字），请精简。</translation>
    </message>
    <message>
        <source>Enter the resident&apos;s name, or tick “anonymous”.</source>
        <translation>请输入诉求人姓名，或勾选“匿名”。</translation>
    </message>
    <message>
        <source>The name is too long (at most 50 characters).</source>
        <translation>姓名过长（最多50字）。</translation>
    </message>
    <message>
        <source>Enter a phone number so the resident can be called back.</source>
        <translation>请输入联系电话，以便回访诉求人。</translation>
    </message>
    <message>
        <source>“{field}” must be text.</source>
        <translation>“{field}”必须是文本。</translation>
    </message>
    <message>
        <source>“{field}” is empty.</source>
        <translation>“{field}”不能为空。</translation>
    </message>
    <message>
        <source>“{field}” is too long ({length} characters; at most {limit}).</source>
        <translation>“{field}”过长（{length}个字符，最多{limit}个）。</translation>
    </message>
    <message>
        <source>“{field}” contains a character that is not text.</source>
        <translation>“{field}”含有无法识别的字符。</translation>
    </message>
    <message>
        <source>“{field}” is not valid: {value}.</source>
        <translation>“{field}”无效：{value}。</translation>
    </message>
    <message>
        <source>“{field}” must be one of {allowed}, not {value}.</source>
        <translation>“{field}”应为 {allowed} 之一，不能是 {value}。</translation>
    </message>
    <message>
        <source>“{field}” must be true or false.</source>
        <translation>“{field}”必须是 true 或 false。</translation>
    </message>
    <message>
        <source>“{field}” must be a number.</source>
        <translation>“{field}”必须是数字。</translation>
    </message>
    <message>
        <source>“{field}” must lie between {low} and {high}.</source>
        <translation>“{field}”应在 {low} 至 {high} 之间。</translation>
    </message>
    <message>
        <source>“{field}” is not a valid identifier.</source>
        <translation>“{field}”不是有效的标识。</translation>
    </message>
    <message>
        <source>“{field}” must be a list.</source>
        <translation>“{field}”必须是列表。</translation>
    </message>
    <message>
        <source>“{field}” must have {low} to {high} entries.</source>
        <translation>“{field}”应有 {low} 至 {high} 项。</translation>
    </message>
    <message>
        <source>The event&apos;s payload must be an object.</source>
        <translation>事件内容必须是对象。</translation>
    </message>
    <message>
        <source>“{field}” is required.</source>
        <translation>缺少必填项“{field}”。</translation>
    </message>
    <message>
        <source>“{limit}” is not a time limit (use same_day, 24h, 3d or 5wd).</source>
        <translation>“{limit}”不是有效的时限（格式如 same_day、24h、3d、5wd）。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入联系电话。</translation>
    </message>
    <message>
        <source>A phone number is made of digits (spaces, dashes and brackets are allowed).</source>
        <translation>电话号码应由数字组成（可含空格、短横线和括号）。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits; this one has {count}.</source>
        <translation>手机号应为11位数字，当前为{count}位。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19; please check the second digit.</source>
        <translation>手机号应以13至19开头，请核对第二位数字。</translation>
    </message>
    <message>
        <source>A landline is an area code (such as 0755) and a number of 7 or 8 digits that does not start with 0 or 1.</source>
        <translation>固定电话应为区号（如0755）加7位或8位号码，号码首位不能是0或1。</translation>
    </message>
    <message>
        <source>This is not a phone number: use 11 digits for a mobile, or area code and number for a landline.</source>
        <translation>电话号码格式不正确：手机号为11位数字，固定电话为区号加号码。</translation>
    </message>
    <message>
        <source>This is an old 15-digit ID number; please ask for the 18-digit one.</source>
        <translation>这是旧版15位身份证号，请向诉求人询问18位身份证号。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {count}.</source>
        <translation>身份证号应为18位，当前为{count}位。</translation>
    </message>
    <message>
        <source>An ID number is 17 digits and a last digit or X.</source>
        <translation>身份证号应为17位数字，最后一位为数字或X。</translation>
    </message>
    <message>
        <source>The first two digits ({code}) are not a province code.</source>
        <translation>前两位（{code}）不是有效的省级行政区划代码，请核对。</translation>
    </message>
    <message>
        <source>Digits 7 to 14 must be a date of birth; {text} is not a date.</source>
        <translation>第7至14位应为出生日期，{text}不是有效日期，请核对。</translation>
    </message>
    <message>
        <source>The date of birth {born} is not possible.</source>
        <translation>出生日期{born}不合理，请核对。</translation>
    </message>
    <message>
        <source>The last character should be {expected}, not {actual}: a digit was probably mistyped.</source>
        <translation>最后一位应为{expected}，而不是{actual}，可能有数字输错，请核对。</translation>
    </message>
    <message>
        <source>Cannot read the calendar file {file}: {error}</source>
        <translation>无法读取日历文件 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} is not a UTF-8 text file.</source>
        <translation>{file} 不是 UTF-8 文本文件，请另存为 UTF-8 编码。</translation>
    </message>
    <message>
        <source>{file}, line 1: the header must be “date,kind,name”.</source>
        <translation>{file} 第 1 行：表头应为“date,kind,name”。</translation>
    </message>
    <message>
        <source>{file}, line {line}: expected “YYYY-MM-DD,holiday|workday,name”.</source>
        <translation>{file} 第 {line} 行：格式应为“YYYY-MM-DD,holiday|workday,name”。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the kind must be holiday or workday, not “{kind}”.</source>
        <translation>{file} 第 {line} 行：类型应为 holiday（节假日）或 workday（调休上班日），不能是“{kind}”。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {day} is listed twice.</source>
        <translation>{file} 第 {line} 行：{day} 重复出现。</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <source>{file} lists no days.</source>
        <translation>{file} 中没有任何日期。</translation>
    </message>
    <message>
        <source>Write down the answer given at the window.</source>
        <translation>请填写在窗口给出的答复。</translation>
    </message>
    <message>
        <source>There is no such case.</source>
        <translation>没有找到该诉求。</translation>
    </message>
    <message>
        <source>Unknown department {code}.</source>
        <translation>未知的单位：{code}。</translation>
    </message>
    <message>
        <source>Split into at least two cases.</source>
        <translation>至少拆分为两件。</translation>
    </message>
    <message>
        <source>Describe problem {n}.</source>
        <translation>请描述问题 {n}。</translation>
    </message>
    <message>
        <source>Choose a category for problem {n}.</source>
        <translation>请为问题 {n} 选择类别。</translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup, or it is damaged: it cannot be read as a backup file.</source>
        <translation>{file} 不是社区诉求工作台的备份文件，或已损坏：无法作为备份文件读取。</translation>
    </message>
    <message>
        <source>The backup could not be put in place ({error}). Your data was left as it was.</source>
        <translation>无法恢复该备份（{error}）。您的数据保持原样。</translation>
    </message>
    <message>
        <source>This desk&apos;s database is not encrypted, so it cannot take an encrypted backup. Nothing was changed.</source>
        <translation>本工作台的数据库未加密，无法恢复加密的备份。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} is damaged: {member} does not match its checksum. Nothing was changed.</source>
        <translation>备份 {file} 已损坏：{member} 与校验值不符。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup: its manifest is missing parts or unreadable. Nothing was changed.</source>
        <translation>{file} 不是社区诉求工作台的备份：其清单缺失内容或无法读取。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} was made by another program ({app}), not by Community Desk. Nothing was changed.</source>
        <translation>{file} 由其他程序（{app}）生成，不是社区诉求工作台的备份。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} was made by a newer version of Community Desk (backup format {format}). Please install the newer version; nothing was changed.</source>
        <translation>{file} 由更新版本的社区诉求工作台生成（备份格式 {format}）。请安装新版本；未做任何更改。</translation>
    </message>
    <message>
        <source>{file} was made by a newer version of Community Desk (schema {revision}). Please install the newer version; nothing was changed.</source>
        <translation>{file} 由更新版本的社区诉求工作台生成（数据库版本 {revision}）。请安装新版本；未做任何更改。</translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup: it lists a file with a forbidden name ({member}). Nothing was changed.</source>
        <translation>{file} 不是社区诉求工作台的备份：其中列有名称不允许的文件（{member}）。未做任何更改。</translation>
    </message>
    <message>
        <source>The attachment {file} has a name that a backup cannot hold (a backslash or a colon). Rename it and back up again.</source>
        <translation>附件 {file} 的名称含有反斜杠或冒号，无法放入备份。请改名后重新备份。</translation>
    </message>
    <message>
        <source>Cannot read the database {file}: {error}</source>
        <translation>无法读取数据库 {file}：{error}</translation>
    </message>
    <message>
        <source>The database {file} could not be backed up: {error}</source>
        <translation>无法备份数据库 {file}：{error}</translation>
    </message>
    <message>
        <source>The database {file} is damaged ({error}); no backup was made.</source>
        <translation>数据库 {file} 已损坏（{error}）；未生成备份。</translation>
    </message>
    <message>
        <source>{file} is not a Community Desk database; no backup was made.</source>
        <translation>{file} 不是社区诉求工作台的数据库；未生成备份。</translation>
    </message>
    <message>
        <source>There is no database to back up at {file}.</source>
        <translation>{file} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>The backup {file} could not be written: {error}</source>
        <translation>无法写入备份 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} was made with another key (another desk, or this desk before it was set up again). Enter the recovery key printed when that desk was set up. Nothing was changed.</source>
        <translation>{file} 是用另一个密钥制作的（另一个工作台，或重新设置之前的本工作台）。请输入那个工作台设置时打印的恢复密钥。未做任何更改。</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup: it has no manifest. Nothing was changed.</source>
        <translation>{file} 不是社区诉求工作台的备份：缺少清单。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} is incomplete: {member} is missing. Nothing was changed.</source>
        <translation>备份 {file} 不完整：缺少 {member}。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} contains {member}, which its manifest does not list. Nothing was changed.</source>
        <translation>备份 {file} 含有清单中未列出的 {member}。未做任何更改。</translation>
    </message>
    <message>
        <source>The database in the backup {file} is damaged ({error}). Nothing was changed.</source>
        <translation>备份 {file} 中的数据库已损坏（{error}）。未做任何更改。</translation>
    </message>
    <message>
        <source>The database in the backup {file} does not match its manifest. Nothing was changed.</source>
        <translation>备份 {file} 中的数据库与其清单不符。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} could not be unpacked for checking ({error}). Nothing was changed.</source>
        <translation>无法解开备份 {file} 进行检查（{error}）。未做任何更改。</translation>
    </message>
    <message>
        <source>The restore failed ({error}) and the previous data could not all be put back. It is kept in {folder}; do not delete that folder, and ask for help.</source>
        <translation>恢复失败（{error}），原有数据未能全部放回，已保存在 {folder}；请勿删除该文件夹，并寻求技术支持。</translation>
    </message>
    <message>
        <source>{file} cannot be opened with this desk&apos;s key: the key is wrong or missing, or the file is not a Community Desk database. If the key was lost, start Community Desk and enter the recovery key. Nothing was changed.</source>
        <translation>无法用本工作台的密钥打开 {file}：密钥错误或缺失，或者该文件不是社区工作台的数据库。如果密钥已丢失，请启动社区工作台并输入恢复密钥。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} is not a Community Desk database (or it is damaged). Nothing was changed.</source>
        <translation>{file} 不是社区诉求工作台的数据库（或已损坏）。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} cannot be opened: {error}. Nothing was changed.</source>
        <translation>无法打开 {file}：{error}。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} could not be encrypted ({error}). It was left as it was.</source>
        <translation>{file} 无法加密（{error}），已保持原样。</translation>
    </message>
    <message>
        <source>{file} is a database of another program. Nothing was changed.</source>
        <translation>{file} 是其他程序的数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} was written by a newer version of Community Desk (schema {revision}). Please install the newer version; nothing was changed.</source>
        <translation>{file} 由更新版本的社区诉求工作台写入（数据库版本 {revision}）。请安装新版本；未做任何更改。</translation>
    </message>
    <message>
        <source>Choose the community or street this desk belongs to.</source>
        <translation>请选择本工作台所属的社区或街道。</translation>
    </message>
    <message>
        <source>Give the desk a name.</source>
        <translation>请填写工作台名称。</translation>
    </message>
    <message>
        <source>This database already belongs to a desk.</source>
        <translation>该数据库已属于某个工作台。</translation>
    </message>
    <message>
        <source>The password needs at least {count} characters.</source>
        <translation>密码至少需要{count}位。</translation>
    </message>
    <message>
        <source>A password of digits only is too easy to guess: add letters or other characters.</source>
        <translation>纯数字密码太容易被猜到：请加入字母或其他字符。</translation>
    </message>
    <message>
        <source>A user name is 2 to 40 lower-case letters, digits, “_” or “.”, starting with a letter.</source>
        <translation>用户名应为2至40位小写字母、数字、“_”或“.”，并以字母开头。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>The user name “{name}” is taken.</source>
        <translation>用户名“{name}”已被使用，请另选一个。</translation>
    </message>
    <message>
        <source>This desk already has accounts.</source>
        <translation>本工作台已有账号。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} more minutes.</source>
        <translation>密码错误次数过多：此账户还将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>That account does not exist (any more).</source>
        <translation>该账户不存在（或已不存在）。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用您自己的账户。</translation>
    </message>
    <message>
        <source>This is the last administrator: make another administrator first.</source>
        <translation>这是最后一个管理员：请先设立另一个管理员。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Choose a new password that differs from the current one.</source>
        <translation>请选择与当前密码不同的新密码。</translation>
    </message>
    <message>
        <source>There is no case numbered {number}.</source>
        <translation>没有受理编号为 {number} 的诉求，请核对。</translation>
    </message>
    <message>
        <source>Ask the resident about “{dimension}” too: each of the four needs the resident&apos;s own answer.</source>
        <translation>还需询问居民对“{dimension}”的评价：四项都要有居民本人的回答。</translation>
    </message>
    <message>
        <source>This rejection has already been dealt with.</source>
        <translation>这条拒收记录已经处理过了。</translation>
    </message>
    <message>
        <source>Say why the event is discarded.</source>
        <translation>请说明放弃这条记录的原因。</translation>
    </message>
    <message>
        <source>A meeting cannot be closed without minutes.</source>
        <translation>尚未填写会议纪要，不能结束会议。</translation>
    </message>
    <message>
        <source>The meeting was already called.</source>
        <translation>该会议已经召集。</translation>
    </message>
    <message>
        <source>Recorded before the meeting was called.</source>
        <translation>记录时间早于会议召集。</translation>
    </message>
    <message>
        <source>The meeting is closed; its record can no longer change.</source>
        <translation>会议已结束，记录不能再修改。</translation>
    </message>
    <message>
        <source>The meeting is closed; it can no longer agree resolutions.</source>
        <translation>会议已结束，不能再增加议定事项。</translation>
    </message>
    <message>
        <source>This resolution was already recorded.</source>
        <translation>该议定事项已经记录。</translation>
    </message>
    <message>
        <source>There is no such resolution.</source>
        <translation>没有这项议定事项。</translation>
    </message>
    <message>
        <source>This resolution is already done or passed up.</source>
        <translation>该议定事项已办结或已提交上级。</translation>
    </message>
    <message>
        <source>A meeting can only be passed up to a higher level.</source>
        <translation>会议只能提交更高一级。</translation>
    </message>
    <message>
        <source>The meeting is already closed.</source>
        <translation>会议已经结束。</translation>
    </message>
    <message>
        <source>Recorded before the topic was added.</source>
        <translation>议题添加之前已有记录。</translation>
    </message>
    <message>
        <source>This topic was already added.</source>
        <translation>该议题已添加。</translation>
    </message>
    <message>
        <source>This record was already started.</source>
        <translation>该记录已经开始。</translation>
    </message>
    <message>
        <source>Recorded before the record was started.</source>
        <translation>记录时间早于该记录开始。</translation>
    </message>
    <message>
        <source>This record is closed.</source>
        <translation>该记录已结束。</translation>
    </message>
    <message>
        <source>This finding was already noted.</source>
        <translation>该事项已经记录。</translation>
    </message>
    <message>
        <source>There is no such finding.</source>
        <translation>没有这条事项。</translation>
    </message>
    <message>
        <source>This finding already became a case.</source>
        <translation>该事项已转为诉求。</translation>
    </message>
    <message>
        <source>{file} is too large ({size} MB; at most 10 MB).</source>
        <translation>{file} 太大（{size} MB；最大 10 MB）。</translation>
    </message>
    <message>
        <source>{file} is not a photo (PNG, JPEG, GIF or WebP).</source>
        <translation>{file} 不是照片（仅支持 PNG、JPEG、GIF 或 WebP）。</translation>
    </message>
    <message>
        <source>The photo {file} is damaged or does not belong to this desk.</source>
        <translation>照片 {file} 已损坏，或不属于本工作台。</translation>
    </message>
    <message>
        <source>There is no such meeting.</source>
        <translation>没有这个会议。</translation>
    </message>
    <message>
        <source>Every resolution needs an owner: a department or a person.</source>
        <translation>每项议定事项都要有责任单位或责任人。</translation>
    </message>
    <message>
        <source>A district meeting cannot be passed further up.</source>
        <translation>区级会议不能再向上提交。</translation>
    </message>
    <message>
        <source>There is no such record.</source>
        <translation>没有这条记录。</translation>
    </message>
    <message>
        <source>The duty must end after it starts.</source>
        <translation>值班结束时间应晚于开始时间。</translation>
    </message>
    <message>
        <source>Choose the grid of the patrol.</source>
        <translation>请选择巡查的网格。</translation>
    </message>
    <message>
        <source>The address for residents looks like https://centre.example.cn (no spaces, no “?”).</source>
        <translation>居民查询地址应形如 https://centre.example.cn（不含空格和“?”）。</translation>
    </message>
    <message>
        <source>Residents&apos; phones must reach the centre over https://; plain http:// is only for this computer.</source>
        <translation>居民手机须通过 https:// 访问中心平台；http:// 只能用于本机。</translation>
    </message>
    <message>
        <source>That is not a recovery key of Community Desk: check every group of four characters and try again.</source>
        <translation>这不是社区工作台的恢复密钥：请逐组（每组四个字符）核对后重试。</translation>
    </message>
    <message>
        <source>{file} is damaged or was altered after it was made: its encrypted content does not check out. Nothing was changed.</source>
        <translation>{file} 已损坏，或在制作后被改动过：其加密内容校验不通过。未做任何更改。</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The key of the database {file} is not on this computer (the credential store or the key file was lost or reset). Enter the recovery key printed when the desk was set up. Nothing was changed.</source>
        <translation>本机上没有数据库 {file} 的密钥（凭据存储或密钥文件已丢失或被重置）。请输入设置工作台时打印的恢复密钥。未做任何更改。</translation>
    </message>
    <message>
        <source>Choose how the department was reminded.</source>
        <translation>请选择催办方式。</translation>
    </message>
    <message>
        <source>Name the leader responsible.</source>
        <translation>请填写责任领导。</translation>
    </message>
    <message>
        <source>Only a leader at a street or district desk can claim a case.</source>
        <translation>只有街道或区级工作台的领导可以领办诉求。</translation>
    </message>
    <message>
        <source>The letter lists no cases.</source>
        <translation>提醒函中没有列出任何诉求。</translation>
    </message>
    <message>
        <source>Your role may not look cases up by phone or ID number: search by case number, name or words.</source>
        <translation>您的角色不能按电话号码或身份证号查找诉求：请按诉求编号、姓名或文字查找。</translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <source>Registered</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>分拨</translation>
    </message>
    <message>
        <source>Dispatch / re-dispatch…</source>
        <translation>分拨/改派…</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Record reply…</source>
        <translation>登记答复…</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Record evaluation…</source>
        <translation>登记评价…</translation>
    </message>
    <message>
        <source>Returned for redoing</source>
        <translation>回退重办</translation>
    </message>
    <message>
        <source>Return for redoing…</source>
        <translation>回退重办…</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>提级办理</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>提级办理…</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Remind…</source>
        <translation>催办…</translation>
    </message>
    <message>
        <source>Put under special supervision</source>
        <translation>转专项督办</translation>
    </message>
    <message>
        <source>Special supervision…</source>
        <translation>专项督办…</translation>
    </message>
    <message>
        <source>Merged into another case</source>
        <translation>合并到其他诉求</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>Split into several cases…</source>
        <translation>拆分为多件…</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Raised again</source>
        <translation>重复诉求</translation>
    </message>
    <message>
        <source>Automatic warning</source>
        <translation>自动预警</translation>
    </message>
    <message>
        <source>Returned by the department</source>
        <translation>部门退回</translation>
    </message>
    <message>
        <source>Duty adjudicated</source>
        <translation>职责裁定</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Taken over</source>
        <translation>接办</translation>
    </message>
    <message>
        <source>Listed for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Sent back down</source>
        <translation>发回下级办理</translation>
    </message>
    <message>
        <source>Claimed by a leader</source>
        <translation>领导领办</translation>
    </message>
    <message>
        <source>Meeting called</source>
        <translation>召集会议</translation>
    </message>
    <message>
        <source>Meeting record changed</source>
        <translation>修改会议记录</translation>
    </message>
    <message>
        <source>Case linked to the meeting</source>
        <translation>关联诉求</translation>
    </message>
    <message>
        <source>Attachment added</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Resolution agreed</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <source>Resolution progress</source>
        <translation>事项进展</translation>
    </message>
    <message>
        <source>Resolution done</source>
        <translation>事项办结</translation>
    </message>
    <message>
        <source>Resolution passed up</source>
        <translation>事项提级</translation>
    </message>
    <message>
        <source>Meeting passed up</source>
        <translation>会议提级</translation>
    </message>
    <message>
        <source>Meeting closed</source>
        <translation>会议结束</translation>
    </message>
    <message>
        <source>Topic added by hand</source>
        <translation>手工添加议题</translation>
    </message>
    <message>
        <source>Topic dropped</source>
        <translation>撤销议题</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>Duty cancelled</source>
        <translation>取消值班</translation>
    </message>
    <message>
        <source>Reception logged</source>
        <translation>登记接待</translation>
    </message>
    <message>
        <source>Reception record changed</source>
        <translation>修改接待记录</translation>
    </message>
    <message>
        <source>Finding noted</source>
        <translation>记录事项</translation>
    </message>
    <message>
        <source>Finding turned into a case</source>
        <translation>事项转为诉求</translation>
    </message>
    <message>
        <source>Patrol started</source>
        <translation>开始巡查</translation>
    </message>
    <message>
        <source>Patrol finding</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>Patrol ended</source>
        <translation>结束巡查</translation>
    </message>
    <message>
        <source>Access recorded</source>
        <translation>访问留痕</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Co-handling departments</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Convener</source>
        <translation>召集人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Kind of deputy</source>
        <translation>代表类别</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>处置效果</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Escalated from</source>
        <translation>提级来源</translation>
    </message>
    <message>
        <source>Quality of feedback</source>
        <translation>反馈质量</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Case to merge into</source>
        <translation>合并到的诉求</translation>
    </message>
    <message>
        <source>Case number to merge into</source>
        <translation>合并到的受理编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Case numbers it was split into</source>
        <translation>拆分出的受理编号</translation>
    </message>
    <message>
        <source>Receipt look-up code</source>
        <translation>回执查询码</translation>
    </message>
    <message>
        <source>Agreed to a public listing</source>
        <translation>同意公开</translation>
    </message>
    <message>
        <source>Case number it was split from</source>
        <translation>拆分来源的受理编号</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>How it was asked</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Resident&apos;s name</source>
        <translation>居民姓名</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>From resolution</source>
        <translation>来自议定事项</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <source>Cases to resolve</source>
        <translation>一并办结的诉求</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>巡查路线</translation>
    </message>
    <message>
        <source>Time of the meeting</source>
        <translation>会议时间</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务体验</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>文件指纹</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source record</source>
        <translation>来源记录</translation>
    </message>
    <message>
        <source>Speed of handling</source>
        <translation>处置速度</translation>
    </message>
    <message>
        <source>Split from</source>
        <translation>拆分自</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Escalate to</source>
        <translation>提级至</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指示</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>责任领导</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>提醒函</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Handed over to</source>
        <translation>交接给</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>涉及对象</translation>
    </message>
</context>
<context>
    <name>followup</name>
    <message>
        <source>The {years} public holidays have not been imported yet; counted as Monday to Friday.</source>
        <translation>{years} 年节假日安排尚未导入，按周一至周五计算</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h}小时{m}分钟</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation>已超期{span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余{span}</translation>
    </message>
    <message>
        <source>Central platform</source>
        <translation>中心平台</translation>
    </message>
    <message>
        <source>%1 staff</source>
        <translation>%1工作人员</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Community Desk needs a display to open its window, and this session has none (DISPLAY is not set).</source>
        <translation>社区诉求工作台需要显示器才能打开窗口，而当前会话没有显示器（未设置 DISPLAY）。</translation>
    </message>
    <message>
        <source>Community Desk cannot reach the display %1 that this session names.</source>
        <translation>社区诉求工作台无法连接当前会话指定的显示器 %1。</translation>
    </message>
    <message>
        <source>Start it from the desktop, or without a screen run it under a virtual display:
    xvfb-run -a community-desk --demo
(Debian/Ubuntu: scripts/system-deps.sh qt window installs xvfb.)</source>
        <translation>请在桌面环境中启动；没有屏幕时，可在虚拟显示器中运行：
    xvfb-run -a community-desk --demo
（Debian/Ubuntu：scripts/system-deps.sh qt window 会安装 xvfb。）</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Give --format xlsx or pdf (or an --out file ending in .xlsx or .pdf).</source>
        <translation>请用 --format 指定 xlsx 或 pdf（或让 --out 文件名以 .xlsx 或 .pdf 结尾）。</translation>
    </message>
    <message>
        <source>This database has no desk yet: set it up first.</source>
        <translation>此数据库尚未设置工作台，请先完成设置。</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>生成于 {when}</translation>
    </message>
    <message>
        <source>Cannot write to the folder {folder}. Choose another place; nothing was written.</source>
        <translation>无法写入文件夹 {folder}。请另选位置；未写入任何文件。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {error}. Nothing was written.</source>
        <translation>无法写入 {file}：{error}。未写入任何文件。</translation>
    </message>
    <message>
        <source>The district map {file} cannot be read: {error}</source>
        <translation>无法读取辖区地图 {file}：{error}</translation>
    </message>
    <message>
        <source>The district map {file} is not a GeoJSON FeatureCollection.</source>
        <translation>辖区地图 {file} 不是 GeoJSON FeatureCollection。</translation>
    </message>
    <message>
        <source>“{period}” is not a period: write a week as 2026-W48 or a month as 2026-11.</source>
        <translation>“{period}”不是有效期间：周写作 2026-W48，月写作 2026-11。</translation>
    </message>
    <message>
        <source>Signing timeliness</source>
        <translation>签收及时率</translation>
    </message>
    <message>
        <source>On-time completion</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <source>Satisfaction (incl. basically satisfied)</source>
        <translation>满意率（含基本满意）</translation>
    </message>
    <message>
        <source>Fully satisfied</source>
        <translation>非常满意率</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>退回重办率</translation>
    </message>
    <message>
        <source>Cases registered in the period, as they stand when the report is made; voided, merged and split cases are left out of the rates. Signing timeliness: signed within 24 hours of dispatch, of those signed or past 24 hours. Completion: resolved or closed, of all valid cases. On-time completion: completed by the deadline, of those completed or already overdue. Satisfaction: satisfied or basically satisfied (the worst of the four marks), of those evaluated. Return rate: returned at least once, of those completed or returned. Handling time: working days from registration to resolution, weekends and holidays left out.</source>
        <translation>统计口径：本期受理的诉求，按生成报告时的状态计算；作废、合并、拆分的诉求不计入各项比率。签收及时率：派单后24小时内签收的件数 ÷ 已签收或已超过24小时的件数。办结率：已办结（含已办结待评价）÷ 有效诉求。按时办结率：在期限内办结的件数 ÷ 已办结件数与已超期未办结件数之和。满意率：满意与基本满意（取四项评价中最低一项）÷ 已评价件数。退回重办率：至少退回一次的件数 ÷ 已办结或被退回的件数。办理用时：自受理至办结的工作日数，不含周末和法定节假日。</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>民意诉求周报</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>民意诉求月报</translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>已取消生成报告。</translation>
    </message>
    <message>
        <source>No requests were registered in this period.</source>
        <translation>本期没有受理诉求。</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Score = 100 × ({w_sign} × signing timeliness + {w_done} × completion + {w_sat} × satisfaction) ÷ the sum of the weights of the rates that have cases. Grades: excellent from {excellent}, good from {good}, otherwise fair.</source>
        <translation>得分 = 100 × （{w_sign} × 签收及时率 + {w_done} × 办结率 + {w_sat} × 满意率）÷ 有统计数据的各项权重之和。等次：{excellent} 分及以上为优秀，{good} 分及以上为良好，其余为一般。</translation>
    </message>
    <message>
        <source>The weights must be zero or more, and not all zero.</source>
        <translation>权重不能为负数，也不能全部为零。</translation>
    </message>
    <message>
        <source>The grade thresholds must lie between 0 and 100, with “good” not above “excellent”.</source>
        <translation>等次分数线须在 0 到 100 之间，且“良好”不高于“优秀”。</translation>
    </message>
    <message>
        <source>{scope} · {name} {year}, issue {number} ({first} – {last})</source>
        <translation>{scope} · {name} {year}年第{number}期（{first} 至 {last}）</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>A year before</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>Requests registered</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <source>of which voided</source>
        <translation>其中作废</translation>
    </message>
    <message>
        <source>of which merged as duplicates</source>
        <translation>其中重复合并</translation>
    </message>
    <message>
        <source>of which split</source>
        <translation>其中拆分</translation>
    </message>
    <message>
        <source>settled at the window</source>
        <translation>窗口当场办结</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名诉求</translation>
    </message>
    <message>
        <source>Raised again (repeats)</source>
        <translation>重复反映次数</translation>
    </message>
    <message>
        <source>Average handling time (working days)</source>
        <translation>平均办理用时（工作日）</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>Public holidays in this period: {days}.</source>
        <translation>本期含法定节假日：{days}。</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>诉求件数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Department scores</source>
        <translation>部门考核</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按诉求类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按受理渠道</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Top items</source>
        <translation>热点事项</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>By community</source>
        <translation>按社区</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Hot topics</source>
        <translation>热点议题</translation>
    </message>
    <message>
        <source>Hot spots</source>
        <translation>热点区域</translation>
    </message>
    <message>
        <source>Grids with at least 3 requests and 1.5 times the average grid.</source>
        <translation>诉求至少3件、且达到网格平均值1.5倍的网格。</translation>
    </message>
    <message>
        <source>Keyword alerts</source>
        <translation>关键词预警</translation>
    </message>
    <message>
        <source>Word or item</source>
        <translation>关键词或事项</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Flagged when a word or item has at least 3 requests, more than both the previous period and the same period a year before, and at least 1.5 times the larger of them plus one.</source>
        <translation>预警规则：本期至少3件，同时多于上期和去年同期，且不少于两者较大值加一后的1.5倍。</translation>
    </message>
    <message>
        <source>District notices</source>
        <translation>区级通报</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通报内容</translation>
    </message>
    <message>
        <source>Expected to rise</source>
        <translation>预计上升</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>近4周</translation>
    </message>
    <message>
        <source>Expected, next 4 weeks</source>
        <translation>预计未来4周</translation>
    </message>
    <message>
        <source>Same 4 weeks a year before</source>
        <translation>去年同期4周</translation>
    </message>
    <message>
        <source>Method: the mean of the same weeks (±2) in earlier years, times the recent trend; flagged when at least 3 requests and 1.5 times the last four weeks are expected in the next four.</source>
        <translation>方法：往年同期（前后2周）平均量 × 近期趋势；预计未来四周至少3件、且达到近四周1.5倍时提示“预计上升”。</translation>
    </message>
    <message>
        <source>Replayed week by week over the year before: {flags} flags, {hits} came true ({rate}); rises happened in {base} of all category-community-weeks.</source>
        <translation>按前一年逐周回放：共提示 {flags} 次，其中 {hits} 次应验（{rate}）；所有“类别×社区×周”中实际上升的占 {base}。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>诉求编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model cases</source>
        <translation>典型案例</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>入选理由</translation>
    </message>
    <message>
        <source>Marked by a supervisor, or proposed: closed within one working day with every mark satisfied.</source>
        <translation>由主管标记，或系统推荐：一个工作日内办结且各项评价均为满意。</translation>
    </message>
    <message>
        <source>Marked: {note}</source>
        <translation>主管标记：{note}</translation>
    </message>
    <message>
        <source>Proposed: closed in {days} working days, satisfied</source>
        <translation>推荐：{days} 个工作日办结，评价满意</translation>
    </message>
    <message>
        <source>All requests of the period</source>
        <translation>本期全部诉求</translation>
    </message>
</context>
<context>
    <name>suggest</name>
    <message>
        <source>matched the catalogue words {words}</source>
        <translation>与职责清单词语相符：{words}</translation>
    </message>
    <message>
        <source>like the earlier request “{example}”</source>
        <translation>与以往诉求相似：“{example}”</translation>
    </message>
    <message>
        <source>close to how the catalogue describes it</source>
        <translation>与职责清单的描述相近</translation>
    </message>
    <message>
        <source>like a request this desk filed here: “{example}”</source>
        <translation>与本窗口登记过的诉求相似：“{example}”</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Window worker</source>
        <translation>窗口工作人员</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>代表委员</translation>
    </message>
    <message>
        <source>Grid staff</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Request for help</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>People&apos;s congress deputy</source>
        <translation>人大代表</translation>
    </message>
    <message>
        <source>Party congress delegate</source>
        <translation>党代表</translation>
    </message>
    <message>
        <source>CPPCC member</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Walk-in window</source>
        <translation>窗口来访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Deputy reception</source>
        <translation>代表接访</translation>
    </message>
    <message>
        <source>Grid patrol</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <source>Council meeting</source>
        <translation>议事会</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Very urgent</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Awaiting dispatch</source>
        <translation>待分拨</translation>
    </message>
    <message>
        <source>Awaiting signing</source>
        <translation>待签收</translation>
    </message>
    <message>
        <source>In hand</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Not signed for within 24 hours</source>
        <translation>超过24小时未签收</translation>
    </message>
    <message>
        <source>A co-department has not signed within 24 hours</source>
        <translation>协办部门超过24小时未签收</translation>
    </message>
    <message>
        <source>Returned by the department, to dispatch again</source>
        <translation>部门退回待重新分拨</translation>
    </message>
    <message>
        <source>Waiting for manual dispatch past the target</source>
        <translation>待人工分拨已超时限</translation>
    </message>
    <message>
        <source>Escalated to this level</source>
        <translation>已提级至本级</translation>
    </message>
    <message>
        <source>Listed supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Under special supervision</source>
        <translation>专项督办</translation>
    </message>
    <message>
        <source>On the district notice list</source>
        <translation>全区通报</translation>
    </message>
    <message>
        <source>Returned for redoing</source>
        <translation>回退重办</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Meeting resolution overdue</source>
        <translation>议定事项已超期</translation>
    </message>
    <message>
        <source>Meeting resolution due soon</source>
        <translation>议定事项即将到期</translation>
    </message>
    <message>
        <source>Resolved but not evaluated</source>
        <translation>已办结未评价</translation>
    </message>
    <message>
        <source>Claimed by a leader</source>
        <translation>领导领办</translation>
    </message>
    <message>
        <source>Deadline estimated (holidays not imported)</source>
        <translation>期限为估算（节假日安排未导入）</translation>
    </message>
    <message>
        <source>Resolved, awaiting evaluation</source>
        <translation>已办结待评价</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>已拆分</translation>
    </message>
    <message>
        <source>Waiting for its registration</source>
        <translation>等待受理记录</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Speed of handling</source>
        <translation>处置速度</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>处置效果</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务体验</translation>
    </message>
    <message>
        <source>Quality of feedback</source>
        <translation>反馈质量</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
</context>
</TS>
