import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import {
  NEWS_STATUSES,
  newsCategoryInput,
  newsItemInput,
  webLinkInput,
  type NewsCategory,
  type NewsItem,
  type NewsStatus,
  type WebLink,
} from '../../../../shared/portal/news.schema';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useResource, type Resource } from '../../../lib/use-resource';
import { errorMessage } from '../../../lib/api';
import { applyApiError, zodRules } from '../../../lib/forms';
import { formatInstant } from '../../../lib/dates';
import { ErrorState, PageHeader } from '../../../lib/ui/states';
import {
  createCategory,
  createItem,
  createLink,
  deleteItem,
  deleteLink,
  getItem,
  listCategories,
  listItems,
  listLinks,
  updateCategory,
  updateItem,
  updateLink,
} from '../api/news';

const STATUS_KEYS: Record<NewsStatus, MessageKey> = {
  draft: 'news.status.draft',
  published: 'news.status.published',
  unpublished: 'news.status.unpublished',
};
const STATUS_COLORS: Record<NewsStatus, string> = {
  draft: 'default',
  published: 'green',
  unpublished: 'orange',
};

/** The officers' side of the public portal: news items, categories and web links. */
export function NewsPage() {
  const { t } = useI18n();
  const categories = useResource(() => listCategories(), []);
  return (
    <>
      <PageHeader
        title={t('news.title')}
        subtitle={t('news.subtitle')}
        extra={
          <a href="/tin-tuc" target="_blank" rel="noreferrer">
            {t('news.portal')}
          </a>
        }
      />
      <Tabs
        items={[
          {
            key: 'items',
            label: t('news.tab.items'),
            children: <ItemsTab categories={categories.data ?? []} />,
          },
          {
            key: 'categories',
            label: t('news.tab.categories'),
            children: <CategoriesTab categories={categories} />,
          },
          { key: 'links', label: t('news.tab.links'), children: <LinksTab /> },
        ]}
      />
    </>
  );
}

function ItemsTab({ categories }: { categories: NewsCategory[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<NewsStatus>();
  const [categoryId, setCategoryId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<NewsItem | 'new'>();
  const items = useResource(
    () => listItems({ q: q || undefined, status, categoryId, page, pageSize: 20 }),
    [q, status, categoryId, page],
  );

  if (items.error && !items.data) return <ErrorState error={items.error} onRetry={items.reload} />;

  const remove = async (item: NewsItem) => {
    try {
      await deleteItem(item.id, item.version);
      message.success(t('news.deleted'));
      if (editing !== 'new' && editing?.id === item.id) setEditing(undefined);
      items.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('news.search')}
          placeholder={t('news.search')}
          style={{ width: 300 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Select
          allowClear
          aria-label={t('news.filterStatus')}
          placeholder={t('news.filterStatus')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={NEWS_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
        />
        <Select
          allowClear
          aria-label={t('news.filterCategory')}
          placeholder={t('news.filterCategory')}
          style={{ width: 220 }}
          value={categoryId}
          onChange={(v) => {
            setCategoryId(v);
            setPage(1);
          }}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Button type="primary" data-testid="news-new" onClick={() => setEditing('new')}>
          {t('news.new')}
        </Button>
      </Flex>
      {editing ? (
        <ItemEditor
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          item={editing === 'new' ? undefined : editing}
          categories={categories}
          onSaved={(saved) => {
            setEditing(saved);
            items.reload();
          }}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      <Table<NewsItem>
        rowKey="id"
        size="small"
        loading={items.loading}
        dataSource={items.data?.items ?? []}
        locale={{ emptyText: t('news.none') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: items.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('news.col.title'),
            key: 'title',
            render: (_, n) => (
              <>
                <Typography.Link onClick={() => void getItem(n.id).then(setEditing)}>
                  {n.title}
                </Typography.Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {n.url}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          { title: t('news.col.category'), dataIndex: 'categoryName', width: 180 },
          {
            title: t('news.col.status'),
            key: 'status',
            width: 170,
            render: (_, n) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[n.status]}>{t(STATUS_KEYS[n.status])}</Tag>
                {n.status === 'published' && !n.visible ? (
                  <Tag color="blue">{t('news.scheduled')}</Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('news.col.publishAt'),
            key: 'publishAt',
            width: 150,
            render: (_, n) => formatInstant(n.publishAt),
          },
          { title: t('news.col.views'), dataIndex: 'viewCount', width: 90, align: 'right' },
          {
            key: 'actions',
            width: 170,
            render: (_, n) => (
              <Space>
                {n.visible ? (
                  <a href={n.url} target="_blank" rel="noreferrer" data-testid={`open-${n.slug}`}>
                    {t('news.open')}
                  </a>
                ) : null}
                <Popconfirm title={t('news.confirmDelete')} onConfirm={() => void remove(n)}>
                  <Button size="small" danger>
                    {t('news.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

interface ItemFormValues {
  title: string;
  slug?: string;
  categoryId?: string;
  summary?: string;
  bodyHtml: string;
  status: NewsStatus;
  publishAt?: Dayjs | null;
}

const itemRules = zodRules(newsItemInput, {
  publishAt: (v) => (v ? (v as Dayjs).toISOString() : undefined),
});

function ItemEditor({
  item,
  categories,
  onSaved,
  onClose,
}: {
  item: NewsItem | undefined;
  categories: NewsCategory[];
  onSaved(item: NewsItem): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const body = Form.useWatch('bodyHtml', form) ?? '';

  const save = async (values: ItemFormValues) => {
    setBusy(true);
    setError(undefined);
    const input = {
      title: values.title,
      slug: values.slug?.trim() || undefined,
      categoryId: values.categoryId ?? '',
      summary: values.summary ?? '',
      bodyHtml: values.bodyHtml,
      status: values.status,
      publishAt: values.publishAt ? values.publishAt.toISOString() : null,
    };
    try {
      const saved = item
        ? await updateItem(item.id, { ...input, version: item.version })
        : await createItem(input);
      message.success(t('news.saved', { title: saved.title }));
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={item ? t('news.edit') : t('news.new')}
      extra={<Button onClick={onClose}>{t('common.close')}</Button>}
      style={{ marginBottom: 16 }}
    >
      <Form<ItemFormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={
          item
            ? {
                title: item.title,
                slug: item.slug,
                categoryId: item.categoryId,
                summary: item.summary,
                bodyHtml: item.bodyHtml,
                status: item.status,
                publishAt: item.publishAt ? dayjs(item.publishAt) : null,
              }
            : { status: 'draft', bodyHtml: '', categoryId: categories[0]?.id }
        }
      >
        {error ? (
          <Typography.Paragraph type="danger" role="alert">
            {error}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="title" label={t('news.field.title')} rules={itemRules.title}>
          <Input maxLength={300} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="categoryId"
            label={t('news.field.category')}
            rules={itemRules.categoryId}
            style={{ minWidth: 260 }}
          >
            <Select options={categories.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item
            name="slug"
            label={t('news.field.slug')}
            rules={itemRules.slug}
            style={{ flex: 1, minWidth: 280 }}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="summary" label={t('news.field.summary')} rules={itemRules.summary}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="bodyHtml" label={t('news.field.body')} rules={itemRules.bodyHtml}>
          <Input.TextArea rows={10} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="status" label={t('news.field.status')} rules={itemRules.status}>
            <Radio.Group
              optionType="button"
              options={NEWS_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
            />
          </Form.Item>
          <Form.Item name="publishAt" label={t('news.field.publishAt')} rules={itemRules.publishAt}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: 220 }} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="news-save">
          {t('common.save')}
        </Button>
      </Form>
      {body.trim() ? (
        <details style={{ marginTop: 16 }}>
          <summary>{t('news.livePreview')}</summary>
          {/* An empty sandbox: no script, form, popup or same-origin access, whatever was typed. */}
          <iframe
            title={t('news.livePreview')}
            sandbox=""
            srcDoc={`<!doctype html><meta charset="utf-8"><body style="font-family:sans-serif">${body}</body>`}
            style={{ width: '100%', height: 240, border: '1px solid #d9d9d9' }}
          />
        </details>
      ) : null}
      {item ? (
        <Card size="small" type="inner" title={t('news.preview')} style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('news.previewHint')}
          </Typography.Paragraph>
          {/* Sanitised by the server with the allow-list when saved (src/server/features/portal/sanitize.ts). */}
          <div data-testid="news-preview" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
        </Card>
      ) : null}
    </Card>
  );
}

function CategoriesTab({ categories }: { categories: Resource<NewsCategory[]> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; slug?: string; sortOrder?: number }>();
  const [editing, setEditing] = useState<NewsCategory>();
  const rules = zodRules(newsCategoryInput);

  const save = async (values: { name: string; slug?: string; sortOrder?: number }) => {
    const input = {
      name: values.name,
      slug: values.slug?.trim() || undefined,
      sortOrder: values.sortOrder ?? 0,
    };
    try {
      if (editing) await updateCategory(editing.id, input);
      else await createCategory(input);
      message.success(t('news.category.saved'));
      form.resetFields();
      setEditing(undefined);
      categories.reload();
    } catch (e) {
      message.error(applyApiError(form, e));
    }
  };

  return (
    <>
      <Form form={form} layout="inline" onFinish={(v) => void save(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="name" label={t('news.category.name')} rules={rules.name}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="slug" label={t('news.category.slug')} rules={rules.slug}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('news.category.sortOrder')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {editing ? t('common.save') : t('news.category.add')}
        </Button>
        {editing ? (
          <Button
            style={{ marginLeft: 8 }}
            onClick={() => {
              setEditing(undefined);
              form.resetFields();
            }}
          >
            {t('common.cancel')}
          </Button>
        ) : null}
      </Form>
      <Table<NewsCategory>
        rowKey="id"
        size="small"
        pagination={false}
        loading={categories.loading}
        dataSource={categories.data ?? []}
        columns={[
          { title: t('news.category.name'), dataIndex: 'name' },
          { title: t('news.category.slug'), dataIndex: 'slug' },
          { title: t('news.category.sortOrder'), dataIndex: 'sortOrder', width: 90 },
          { title: t('news.category.items'), dataIndex: 'items', width: 90, align: 'right' },
          {
            key: 'edit',
            width: 90,
            render: (_, c) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(c);
                  form.setFieldsValue({ name: c.name, slug: c.slug, sortOrder: c.sortOrder });
                }}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

function LinksTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const links = useResource(() => listLinks(), []);
  const [form] = Form.useForm<{ title: string; url: string; sortOrder?: number }>();
  const [editing, setEditing] = useState<WebLink>();
  const rules = zodRules(webLinkInput);

  if (links.error && !links.data) return <ErrorState error={links.error} onRetry={links.reload} />;

  const save = async (values: { title: string; url: string; sortOrder?: number }) => {
    const input = { title: values.title, url: values.url, sortOrder: values.sortOrder ?? 0 };
    try {
      if (editing) await updateLink(editing.id, input);
      else await createLink(input);
      message.success(t('news.link.saved'));
      form.resetFields();
      setEditing(undefined);
      links.reload();
    } catch (e) {
      message.error(applyApiError(form, e));
    }
  };

  const remove = async (l: WebLink) => {
    try {
      await deleteLink(l.id);
      links.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Form form={form} layout="inline" onFinish={(v) => void save(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="title" label={t('news.link.title')} rules={rules.title}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="url" label={t('news.link.url')} rules={rules.url}>
          <Input style={{ width: 280 }} placeholder="https://" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('news.category.sortOrder')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {editing ? t('common.save') : t('news.link.add')}
        </Button>
      </Form>
      <Table<WebLink>
        rowKey="id"
        size="small"
        pagination={false}
        loading={links.loading}
        dataSource={links.data ?? []}
        columns={[
          { title: t('news.link.title'), dataIndex: 'title' },
          {
            title: t('news.link.url'),
            key: 'url',
            render: (_, l) => (
              <a href={l.url} target="_blank" rel="noreferrer">
                {l.url}
              </a>
            ),
          },
          { title: t('news.category.sortOrder'), dataIndex: 'sortOrder', width: 90 },
          {
            key: 'actions',
            width: 170,
            render: (_, l) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(l);
                    form.setFieldsValue({ title: l.title, url: l.url, sortOrder: l.sortOrder });
                  }}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('news.confirmDelete')} onConfirm={() => void remove(l)}>
                  <Button size="small" danger>
                    {t('news.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
